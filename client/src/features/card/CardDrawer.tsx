import type { Card } from '@baton/shared-types';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardView } from '../../sync/hooks';
import { Dialog } from '../../ui/Dialog';
import { customerPath, followLink } from '../../lib/router';
import { AttachmentsPanel } from '../attachments/AttachmentsPanel';
import { useBoard } from '../board/BoardContext';
import { CardHealthSection } from '../health/CardHealthSection';
import { CardStandupNotes } from '../standup/CardStandupNotes';
import { daysSince, formatMoney } from '../board/format';
import { CardDetailsForm } from './CardDetailsForm';
import { CardHistory } from './CardHistory';
import { HandoffSummary } from './HandoffSummary';
import { dateFormat } from '../../lib/dateFormat';

type Tab = 'details' | 'files' | 'history';

/** Side drawer for one card: edit (with stage fields), files, history. */
export function CardDrawer({ cardId, token, onClose }: { cardId: string | null; token: string; onClose(): void }) {
  const { t } = useTranslation();
  const view = useBoardView();
  const card = cardId ? view.cards.get(cardId) : undefined;
  return (
    <Dialog
      open={cardId !== null}
      variant="drawer"
      title={card?.title ?? t('drawer.details')}
      description={card ? <CustomerLink customer={card.customer} /> : undefined}
      onClose={onClose}
      closeLabel={t('drawer.close')}
      testId="card-drawer"
    >
      {card ? <CardView key={card.id} card={card} pending={view.pending.has(card.id)} token={token} /> : <p className="drawer-body muted">{t('drawer.notFound')}</p>}
    </Dialog>
  );
}

/** The customer's name, leading to everything that happened around their deals. */
function CustomerLink({ customer }: { customer: string }) {
  const { t } = useTranslation();
  const board = useBoard();
  return (
    <a className="dialog-description-link" href={customerPath(board.boardId, customer)} onClick={followLink} title={t('handoff.customerLink', { customer })} data-testid="drawer-customer">
      {customer}
    </a>
  );
}

function CardView({ card, pending, token }: { card: Card; pending: boolean; token: string }) {
  const { t } = useTranslation();
  const board = useBoard();
  const [tab, setTab] = useState<Tab>('details');
  const stage = board.allStages.find((s) => s.id === card.stage);
  const time = dateFormat(board.locale, { dateStyle: 'medium' });
  const tabs: Array<{ id: Tab; label: string }> = [
    { id: 'details', label: t('drawer.details') },
    { id: 'files', label: t('drawer.files', { count: card.attachments.length }) },
    { id: 'history', label: t('drawer.history') },
  ];

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
      <CardHealthSection card={card} />
      <CardStandupNotes card={card} />
      <HandoffSummary card={card} />
      {card.archived ? <p className="notice notice-warn">{t('drawer.archivedNote')}</p> : null}
      {pending ? <p className="notice notice-info">{t('drawer.pendingNote')}</p> : null}

      <div className="tabs" role="tablist">
        {tabs.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            className={tab === id ? 'tab is-active' : 'tab'}
            data-testid={`drawer-tab-${id}`}
            onClick={() => setTab(id)}
          >
            {label}
          </button>
        ))}
      </div>

      {tab === 'details' ? (
        <CardDetailsForm card={card} />
      ) : tab === 'files' ? (
        <div id="panel-files" role="tabpanel" aria-labelledby="tab-files">
          <AttachmentsPanel card={card} token={token} />
        </div>
      ) : (
        <div id="panel-history" role="tabpanel" aria-labelledby="tab-history">
          <CardHistory cardId={card.id} token={token} version={card.updatedAt ?? 0} />
        </div>
      )}
    </div>
  );
}
