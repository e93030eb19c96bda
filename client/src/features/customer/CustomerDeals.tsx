import { useTranslation } from 'react-i18next';
import { followLink, packPath } from '../../lib/router';
import { useBoardView } from '../../sync/hooks';
import { LightCounts } from '../../ui/LightCounts';
import { useLightLabels } from '../pack/useLightLabels';
import type { BoardBasics } from '../board/useBoardBasics';
import { formatMoney } from '../board/format';

export interface TimelineCard {
  id: string;
  title: string;
  stage: string;
  amount: number | null;
  currency: string;
  archived: boolean;
}

/** The customer's deals: title, stage, amount and requirement colours, each with a link to its handoff pack. */
export function CustomerDeals({ cards, basics }: { cards: readonly TimelineCard[]; basics: BoardBasics }) {
  const { t } = useTranslation();
  const view = useBoardView();
  const labels = useLightLabels();
  return (
    <ul className="customer-deals" data-testid="customer-deals">
      {cards.map((card) => {
        const stage = basics.stages.find((s) => s.id === card.stage);
        const counts = view.cards.get(card.id)?.handoff?.counts;
        return (
          <li key={card.id} className={`customer-deal ${card.archived ? 'is-archived' : ''}`} style={{ ['--stage-color' as string]: stage?.color ?? '#94a3b8' }}>
            <a className="customer-deal-title" href={packPath(basics.boardId, card.id)} onClick={followLink} title={t('timeline.openDeal', { title: card.title })}>
              {card.title}
            </a>
            <span className="customer-deal-facts">
              <span className="stage-chip">{basics.stageLabel(card.stage)}</span>
              <span className="customer-deal-amount">{card.amount === null ? t('card.noAmount') : formatMoney(card.amount, card.currency, basics.locale)}</span>
            </span>
            {counts ? <LightCounts counts={counts} labels={labels} size="sm" /> : null}
          </li>
        );
      })}
    </ul>
  );
}
