import type { Card } from '@baton/shared-types';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardView } from '../../sync/hooks';
import { Dialog } from '../../ui/Dialog';
import { useBoard } from '../board/BoardContext';
import { daysSince, formatMoney } from '../board/format';
import { refusalText } from '../board/permissions';
import { CardFields } from './CardFields';
import { changedFields, formFromCard, toFields, validateForm, type CardFormValues, type FormErrors, type FormField } from './cardForm';
import { CardHistory } from './CardHistory';
import { useCardActions } from './useCardActions';

const FIELDS: readonly FormField[] = [
  'title',
  'customer',
  'amount',
  'currency',
  'ownerId',
  'channel',
  'dealType',
  'region',
  'industry',
  'contactName',
  'decisionMaker',
  'nextStep',
  'needSummary',
];

/** Side drawer for one card: edit, archive/restore, history. */
export function CardDrawer({ cardId, token, onClose }: { cardId: string | null; token: string; onClose(): void }) {
  const { t } = useTranslation();
  const view = useBoardView();
  const card = cardId ? view.cards.get(cardId) : undefined;
  return (
    <Dialog open={cardId !== null} variant="drawer" title={card?.title ?? t('drawer.details')} description={card?.customer} onClose={onClose} closeLabel={t('drawer.close')} testId="card-drawer">
      {card ? <CardEditor key={card.id} card={card} pending={view.pending.has(card.id)} token={token} /> : <p className="drawer-body muted">{t('drawer.notFound')}</p>}
    </Dialog>
  );
}

function CardEditor({ card, pending, token }: { card: Card; pending: boolean; token: string }) {
  const { t } = useTranslation();
  const board = useBoard();
  const actions = useCardActions();
  const [tab, setTab] = useState<'details' | 'history'>('details');
  const [edits, setEdits] = useState<Partial<CardFormValues>>({});
  const [errors, setErrors] = useState<FormErrors>({});
  const values: CardFormValues = { ...formFromCard(card), ...edits };
  const editRefusal = refusalText(board.actor, 'edit', card, t);
  const reassignRefusal = refusalText(board.actor, 'reassign', card, t);
  const archiveRefusal = refusalText(board.actor, 'archive', card, t);
  const readOnly: Partial<Record<FormField, string>> = editRefusal || card.archived
    ? Object.fromEntries(FIELDS.map((f) => [f, '']))
    : reassignRefusal
      ? { ownerId: t('drawer.ownerReadOnly') }
      : {};
  const patch = changedFields(card, toFields(edits));
  const dirty = Object.keys(patch).length > 0;
  const stage = board.stages.find((s) => s.id === card.stage);
  const time = new Intl.DateTimeFormat(board.locale, { dateStyle: 'medium' });

  const save = (e: FormEvent) => {
    e.preventDefault();
    const found = validateForm(values, Object.keys(edits) as FormField[]);
    setErrors(found);
    if (Object.keys(found).length > 0 || !dirty || editRefusal) return;
    actions.update(card, patch);
    setEdits({});
  };

  return (
    <div className="drawer-body">
      <div className="drawer-summary">
        <span className="stage-chip" style={{ ['--stage-color' as string]: stage?.color ?? '#94a3b8' }}>
          {board.stageLabel(card.stage)}
        </span>
        <span className="drawer-amount">{card.amount === null ? t('card.noAmount') : formatMoney(card.amount, card.currency, board.locale)}</span>
        <span className="muted">{t('card.days', { count: daysSince(card.stageEnteredAt, board.now) })}</span>
      </div>
      <dl className="drawer-meta">
        <div>
          <dt>{t('drawer.created')}</dt>
          <dd>{card.createdAt ? time.format(card.createdAt) : '—'}</dd>
        </div>
        <div>
          <dt>{t('drawer.updated')}</dt>
          <dd>{card.updatedAt ? time.format(card.updatedAt) : '—'}</dd>
        </div>
        <div>
          <dt>{t('drawer.stageTime')}</dt>
          <dd>{card.stageEnteredAt ? time.format(card.stageEnteredAt) : '—'}</dd>
        </div>
      </dl>
      {card.archived ? <p className="notice notice-warn">{t('drawer.archivedNote')}</p> : null}
      {pending ? <p className="notice notice-info">{t('drawer.pendingNote')}</p> : null}
      {editRefusal ? <p className="notice notice-muted">{t('drawer.readOnly', { reason: editRefusal })}</p> : null}

      <div className="tabs" role="tablist">
        {(['details', 'history'] as const).map((id) => (
          <button key={id} type="button" role="tab" id={`tab-${id}`} aria-selected={tab === id} aria-controls={`panel-${id}`} className={tab === id ? 'tab is-active' : 'tab'} onClick={() => setTab(id)}>
            {t(`drawer.${id}`)}
          </button>
        ))}
      </div>

      {tab === 'details' ? (
        <form id="panel-details" role="tabpanel" aria-labelledby="tab-details" className="drawer-form" onSubmit={save} noValidate>
          <CardFields
            fields={FIELDS}
            values={values}
            errors={errors}
            readOnly={readOnly}
            members={[...board.members.values()]}
            onChange={(field, value) => setEdits((prev) => ({ ...prev, [field]: value }))}
          />
          <footer className="drawer-footer">
            {archiveRefusal ? null : card.archived ? (
              <button type="button" className="btn btn-ghost" onClick={() => actions.restore(card)}>
                {t('drawer.restore')}
              </button>
            ) : (
              <button type="button" className="btn btn-danger-ghost" data-testid="archive-card" onClick={() => actions.archive(card)}>
                {t('drawer.archive')}
              </button>
            )}
            <span className="spacer" />
            {editRefusal || card.archived ? null : (
              <button type="submit" className="btn btn-primary" disabled={!dirty} title={dirty ? undefined : t('drawer.noChanges')} data-testid="save-card">
                {t('drawer.save')}
              </button>
            )}
          </footer>
        </form>
      ) : (
        <div id="panel-history" role="tabpanel" aria-labelledby="tab-history">
          <CardHistory cardId={card.id} token={token} version={card.updatedAt ?? 0} />
        </div>
      )}
    </div>
  );
}
