import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { HEALTH_FILTERS, type HealthCounts, type HealthFilter } from './health';

interface Props {
  value: HealthFilter;
  counts: HealthCounts;
  onChange(filter: HealthFilter): void;
}

/** "All / Only stuck / Only breached" with how many deals each shows: a radio group (arrow keys move). */
export function HealthFilterBar({ value, counts, onChange }: Props) {
  const { t } = useTranslation();
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const next = HEALTH_FILTERS[(HEALTH_FILTERS.indexOf(value) + step + HEALTH_FILTERS.length) % HEALTH_FILTERS.length] ?? 'all';
    onChange(next);
    e.currentTarget.querySelector<HTMLElement>(`[data-filter="${next}"]`)?.focus();
  };
  return (
    <div className="health-filter" role="radiogroup" aria-label={t('healthFilter.label')} onKeyDown={onKeyDown} data-testid="health-filter">
      {HEALTH_FILTERS.map((filter) => {
        const checked = filter === value;
        return (
          <button
            key={filter}
            type="button"
            role="radio"
            aria-checked={checked}
            tabIndex={checked ? 0 : -1}
            className={`health-filter-item tone-${filter} ${checked ? 'is-active' : ''}`}
            onClick={() => onChange(filter)}
            title={t('healthFilter.countTitle', { count: counts[filter] })}
            data-filter={filter}
            data-testid={`health-filter-${filter}`}
          >
            {filter === 'all' ? null : <span className="health-filter-dot" aria-hidden="true" />}
            {t(`healthFilter.${filter}`)}
            <span className="health-filter-count" data-testid={`health-count-${filter}`}>
              {counts[filter]}
            </span>
          </button>
        );
      })}
    </div>
  );
}
