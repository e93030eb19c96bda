import type { SlaConfig } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import type { HealthFilter } from './health';

/** Shown instead of the columns when the health filter matches no deal. */
export function HealthEmptyState({ filter, sla, onShowAll }: { filter: Exclude<HealthFilter, 'all'>; sla: SlaConfig; onShowAll(): void }) {
  const { t } = useTranslation();
  const title = filter === 'stuck' ? t('healthFilter.emptyStuck') : t('healthFilter.emptyBreached');
  const hint = filter === 'stuck' ? t('healthFilter.emptyStuckHint', { days: t('sla.span.days', { count: sla.stuckDays }) }) : t('healthFilter.emptyBreachedHint');
  return (
    <div className="health-empty" role="status" data-testid="health-empty">
      <span className="health-empty-icon" aria-hidden="true">
        <svg width="28" height="28" viewBox="0 0 16 16" focusable="false">
          <path fill="currentColor" d="M6.2 11.6 2.6 8l1.06-1.06 2.54 2.54 6.14-6.14L13.4 4.4z" />
        </svg>
      </span>
      <h2>{title}</h2>
      <p className="muted">{hint}</p>
      <button type="button" className="btn btn-ghost" onClick={onShowAll} data-testid="health-show-all">
        {t('healthFilter.showAll')}
      </button>
    </div>
  );
}
