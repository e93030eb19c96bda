import { isRequirementMet } from '@baton/shared-types';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { Spinner } from '../../ui/Spinner';
import { useSession } from '../auth/AuthContext';
import { useBoard } from '../board/BoardContext';
import { gateDetailText, isExplained } from '../board/moveRules';
import { GateChecklist } from './GateChecklist';
import { ReasonField } from './ReasonField';
import { useMoveForm, type MoveRequest } from './useMoveForm';
import { WipNotice } from './WipNotice';

interface Props {
  request: MoveRequest | null;
  onClose(request: MoveRequest, moved: boolean): void;
}

/**
 * The one dialog a move opens when the rules ask for something: what the target's gate lacks
 * (filled in right here), why a card moves back, or a manager's override of a full column.
 * Cancel or Escape leaves the card where it was and sends nothing.
 */
export function MoveDialog({ request, onClose }: Props) {
  const { t } = useTranslation();
  const board = useBoard();
  if (!request) return null;
  const from = board.allStages.findIndex((s) => s.id === request.card.stage);
  const backward = from > board.allStages.findIndex((s) => s.id === request.target.toStage);
  const stage = board.stageLabel(request.target.toStage);
  const verdict = board.moveVerdict(request.card, request.target.toStage);
  const onlyFull = verdict.kind === 'wipFull';
  // Nothing to fill in here: only things done elsewhere (the handoff pack), which the dialog explains.
  const elsewhere = verdict.kind === 'missing' && verdict.missing.every((m) => isExplained(m.requirement)) && board.actor?.role !== 'manager' && board.actor?.role !== 'admin';
  return (
    <Dialog
      open
      title={backward ? t('reason.title', { title: request.card.title }) : t('gate.title', { stage })}
      description={
        backward
          ? t('reason.description', { from: board.stageLabel(request.card.stage), to: stage })
          : onlyFull
            ? t('gate.wipDescription', { title: request.card.title, stage })
            : elsewhere
              ? t('gate.elsewhereDescription', { title: request.card.title, stage })
              : t('gate.description', { title: request.card.title, stage })
      }
      onClose={() => onClose(request, false)}
      closeLabel={t('reason.cancel')}
      className="dialog-move"
      testId={backward ? 'move-reason-dialog' : 'gate-dialog'}
    >
      <MoveForm key={request.card.id + request.target.toStage} request={request} onDone={(moved) => onClose(request, moved)} />
    </Dialog>
  );
}

function MoveForm({ request, onDone }: { request: MoveRequest; onDone(moved: boolean): void }) {
  const { t } = useTranslation();
  const board = useBoard();
  const { token } = useSession();
  const form = useMoveForm(request, onDone);
  const open = form.items.filter((i) => !isRequirementMet(i.requirement, form.effective)).length;
  const pendingText =
    open > 0 && !form.overrideGate
      ? t('gate.stillMissing', { count: open })
      : form.invalid.length > 0
        ? t('gate.fixErrors')
        : form.reasonNeeded && !form.reason.trim()
          ? t('reason.required')
          : form.wip && !form.override
            ? t('gate.columnFull')
            : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit();
  };

  return (
    <form className="dialog-form" onSubmit={submit} noValidate>
      <div className="dialog-body">
        {form.serverRefusal ? (
          <p className="notice notice-warn" role="alert" data-testid="gate-server-refusal">
            {t('gate.serverRefused', {
              detail: gateDetailText(form.serverRefusal.details, t, board.language, board.stageLabel, form.toStage) ?? form.serverRefusal.message,
            })}
          </p>
        ) : null}
        {form.items.length > 0 ? (
          <GateChecklist
            items={form.items}
            toStage={form.toStage}
            effective={form.effective}
            stages={board.allStages}
            drafts={form.drafts}
            invalid={form.invalid}
            token={token}
            onDraft={form.setDraft}
            onUploaded={form.addUpload}
          />
        ) : null}
        {form.gateOverridable ? (
          <label className="check-row override-row">
            <input type="checkbox" checked={form.overrideGate} data-testid="gate-override" onChange={(e) => form.setOverrideGate(e.target.checked)} />
            <span>
              {t('gate.overrideGate')}
              <span className="check-hint">{t('gate.overrideGateHint')}</span>
            </span>
          </label>
        ) : null}
        {form.wip ? <WipNotice wip={form.wip} stage={board.stageLabel(form.toStage)} override={form.override} onOverride={form.setOverride} /> : null}
        {form.reasonNeeded ? (
          <ReasonField value={form.reason} onChange={form.setReason} autoFocus={form.items.length === 0} forOverride={!form.backward} onSubmit={() => form.submit()} />
        ) : null}
      </div>
      <footer className="dialog-footer">
        {pendingText ? (
          <span className="dialog-footer-note" data-testid="move-pending-note">
            {pendingText}
          </span>
        ) : null}
        {form.sending ? <Spinner label={t('gate.sending')} /> : null}
        <button type="button" className="btn btn-ghost" onClick={() => onDone(false)} data-testid="move-cancel">
          {t('reason.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={!form.ready} data-testid={form.backward ? 'move-reason-submit' : 'gate-submit'}>
          {form.backward ? t('reason.submit') : t('gate.submit', { stage: board.stageLabel(form.toStage) })}
        </button>
      </footer>
    </form>
  );
}
