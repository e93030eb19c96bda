import { useTranslation } from 'react-i18next';
import { GROUP_ORDER, type TimelineFilter, type TimelineGroup } from './timelineFilter';

interface Props {
  filter: TimelineFilter;
  counts: Record<TimelineGroup, number>;
  deals: ReadonlyArray<{ id: string; title: string }>;
  onGroup(group: TimelineGroup | null): void;
  onDeal(cardId: string | null): void;
}

/** Chips by kind of event and by deal; none on means everything. */
export function TimelineFilters({ filter, counts, deals, onGroup, onDeal }: Props) {
  const { t } = useTranslation();
  return (
    <div className="timeline-filters" role="group" aria-label={t('timeline.filters.label')} data-testid="timeline-filters">
      <div className="chip-row">
        <span className="chip-row-label">{t('timeline.filters.types')}</span>
        <button type="button" className="chip" aria-pressed={filter.groups.size === 0} onClick={() => onGroup(null)} data-testid="chip-all">
          {t('timeline.filters.all')}
        </button>
        {GROUP_ORDER.map((g) => (
          <button key={g} type="button" className={`chip group-${g}`} aria-pressed={filter.groups.has(g)} onClick={() => onGroup(g)} data-testid={`chip-${g}`} disabled={counts[g] === 0 && !filter.groups.has(g)}>
            {t(`timeline.groups.${g}`)}
            <span className="chip-count">{counts[g]}</span>
          </button>
        ))}
      </div>
      {deals.length > 1 ? (
        <div className="chip-row">
          <span className="chip-row-label">{t('timeline.filters.deals')}</span>
          <button type="button" className="chip" aria-pressed={filter.cardIds.size === 0} onClick={() => onDeal(null)}>
            {t('timeline.filters.allDeals')}
          </button>
          {deals.map((d) => (
            <button key={d.id} type="button" className="chip" aria-pressed={filter.cardIds.has(d.id)} onClick={() => onDeal(d.id)} data-testid={`chip-deal-${d.id}`}>
              {d.title}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
