import type { Card } from '@baton/shared-types';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { useBoard } from './BoardContext';
import type { MoveTarget } from './dropPosition';

export interface ReasonRequest {
  card: Card;
  target: MoveTarget;
  reveal: boolean;
}

interface Props {
  request: ReasonRequest | null;
  onCancel(): void;
  onConfirm(request: ReasonRequest, reason: string): void;
}

/** Backward moves need a reason (recorded and counted in reports): asked here before sending. */
export function MoveReasonDialog({ request, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const board = useBoard();
  return (
    <Dialog
      open={request !== null}
      title={request ? t('reason.title', { title: request.card.title }) : ''}
      description={request ? t('reason.description', { from: board.stageLabel(request.card.stage), to: board.stageLabel(request.target.toStage) }) : ''}
      onClose={onCancel}
      closeLabel={t('reason.cancel')}
      testId="move-reason-dialog"
    >
      {request ? <ReasonForm onCancel={onCancel} onConfirm={(reason) => onConfirm(request, reason)} /> : null}
    </Dialog>
  );
}

function ReasonForm({ onCancel, onConfirm }: { onCancel(): void; onConfirm(reason: string): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError(t('reason.required'));
      return;
    }
    onConfirm(reason.trim());
  };
  return (
    <form className="dialog-form" onSubmit={submit} noValidate>
      <div className="form-grid">
        <Field label={t('reason.label')} error={error} className="span-2">
          {(a11y) => (
            <textarea
              {...a11y}
              className="input"
              rows={3}
              maxLength={1000}
              autoFocus
              value={reason}
              placeholder={t('reason.placeholder')}
              data-testid="move-reason-input"
              onChange={(e) => setReason(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey) submit(e);
              }}
            />
          )}
        </Field>
      </div>
      <footer className="dialog-footer">
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('reason.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" data-testid="move-reason-submit">
          {t('reason.submit')}
        </button>
      </footer>
    </form>
  );
}
