import { cardHealth, STANDUP_PROMPTS, type Card, type SlaConfig, type StageConfig } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../board/format';
import { healthChip } from '../health/healthText';
import { PromptField } from './PromptField';

interface Props {
  card: Card;
  stage: StageConfig | undefined;
  stageLabel: string;
  sla: SlaConfig;
  now: number;
  locale: string;
  canEdit: boolean;
  /** Say under the card why its prompts are read-only (when others on the page are not). */
  explainReadOnly: boolean;
  /** Show example answers as placeholders (on the first deal only, to keep the page calm). */
  examples: boolean;
}

/** One stuck deal at standup: what it is, how long it has sat, and the three prompts. */
export function StandupDeal({ card, stage, stageLabel, sla, now, locale, canEdit, explainReadOnly, examples }: Props) {
  const { t } = useTranslation();
  const health = cardHealth(card, sla, now);
  const chip = healthChip(health, now, t);
  const days = Math.floor(health.daysInStage);
  const titleId = `standup-deal-${card.id}`;
  return (
    <article className="standup-deal" aria-labelledby={titleId} data-testid={`standup-deal-${card.id}`} data-card-title={card.title} data-stage={card.stage} style={{ ['--stage-color' as string]: stage?.color ?? '#94a3b8' }}>
      <header className="standup-deal-head">
        <div className="standup-deal-names">
          <span className="standup-deal-customer">{card.customer}</span>
          <h3 id={titleId} className="standup-deal-title">
            {card.title}
          </h3>
        </div>
        <div className="standup-deal-facts">
          <span className="stage-chip">{stageLabel}</span>
          <span className="health-chip is-stuck" title={t('sla.stuckTitle', { days: t('sla.span.days', { count: days }), limit: t('sla.span.days', { count: sla.stuckDays }) })}>
            <span className="health-dot" aria-hidden="true" />
            {t('card.days', { count: days })}
          </span>
          {chip ? (
            <span className={`health-chip is-${chip.tone}`} title={chip.title}>
              {chip.label}
            </span>
          ) : null}
          {card.amount !== null && card.amount !== undefined ? <span className="standup-deal-amount">{formatMoney(card.amount, card.currency, locale)}</span> : null}
        </div>
      </header>
      {card.nextStep ? <p className="standup-deal-next">{card.nextStep}</p> : null}
      <div className="standup-prompts">
        {STANDUP_PROMPTS.map((prompt) => (
          <PromptField key={prompt} cardId={card.id} prompt={prompt} value={card.standupNotes?.[prompt] ?? ''} canEdit={canEdit} example={examples} />
        ))}
      </div>
      {canEdit || !explainReadOnly ? null : <p className="standup-readonly muted">{t('standup.readOnly')}</p>}
    </article>
  );
}
