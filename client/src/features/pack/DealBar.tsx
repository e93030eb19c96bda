import type { Card } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import { customerPath, followLink } from '../../lib/router';
import { LightCounts, type LightTally } from '../../ui/LightCounts';
import type { BoardBasics } from '../board/useBoardBasics';
import { formatMoney } from '../board/format';
import { useLightLabels } from './useLightLabels';

/** The deal the pack belongs to: customer (to its timeline), title, stage, amount, owner and the colour counts. */
export function DealBar({ card, basics, counts }: { card: Card; basics: BoardBasics; counts: LightTally | null }) {
  const { t } = useTranslation();
  const labels = useLightLabels();
  const stage = basics.stages.find((s) => s.id === card.stage);
  const owner = basics.members.get(card.ownerId);
  return (
    <div className="deal-bar" data-testid="deal-bar">
      <div className="deal-bar-main">
        <a className="deal-customer" href={customerPath(basics.boardId, card.customer)} onClick={followLink} title={t('handoff.customerLink', { customer: card.customer })} data-testid="customer-link">
          {card.customer}
        </a>
        <h2 className="deal-title">{card.title}</h2>
      </div>
      <div className="deal-bar-facts">
        <span className="stage-chip" style={{ ['--stage-color' as string]: stage?.color ?? '#94a3b8' }}>
          {basics.stageLabel(card.stage)}
        </span>
        <span className="deal-amount">{card.amount === null ? t('card.noAmount') : formatMoney(card.amount, card.currency, basics.locale)}</span>
        {owner ? <span className="muted">{owner.displayName}</span> : null}
        {counts ? (
          <span className="deal-lights" title={t('handoff.counts.summary', { ...counts })}>
            <span className="deal-lights-label">{t('handoff.counts.label')}</span>
            <LightCounts counts={counts} labels={labels} showZero testId="deal-counts" />
          </span>
        ) : null}
      </div>
    </div>
  );
}
