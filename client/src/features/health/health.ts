import { cardHealth, type Card, type CardHealth, type SlaConfig } from '@baton/shared-types';

/** The board's health filter: every deal, only stuck ones, or only those past an SLA deadline. */
export const HEALTH_FILTERS = ['all', 'stuck', 'breached'] as const;
export type HealthFilter = (typeof HEALTH_FILTERS)[number];

export const isHealthFilter = (value: unknown): value is HealthFilter => typeof value === 'string' && (HEALTH_FILTERS as readonly string[]).includes(value);

export function matchesFilter(health: CardHealth, filter: HealthFilter): boolean {
  if (filter === 'stuck') return health.stuck;
  if (filter === 'breached') return health.state === 'breached';
  return true;
}

export type HealthCounts = Record<HealthFilter, number>;

export interface FilteredColumns {
  /** The columns to render: the same object as the input for "all". */
  columns: ReadonlyMap<string, readonly Card[]>;
  /** How many live deals each filter would show. */
  counts: HealthCounts;
}

/**
 * Applies a health filter to the board's columns (order kept) and counts every filter's matches,
 * so the filter buttons can say how many deals each one shows.
 */
export function filterColumns(columns: ReadonlyMap<string, readonly Card[]>, filter: HealthFilter, sla: SlaConfig, now: number): FilteredColumns {
  const counts: HealthCounts = { all: 0, stuck: 0, breached: 0 };
  const out = new Map<string, readonly Card[]>();
  for (const [stage, cards] of columns) {
    const kept: Card[] = [];
    for (const card of cards) {
      const health = cardHealth(card, sla, now);
      counts.all++;
      if (health.stuck) counts.stuck++;
      if (health.state === 'breached') counts.breached++;
      if (filter !== 'all' && matchesFilter(health, filter)) kept.push(card);
    }
    out.set(stage, kept);
  }
  return { columns: filter === 'all' ? columns : out, counts };
}

const HOUR = 3_600_000;

/** A span as a whole number of hours under 100 h, else days (what card chips and alerts say). */
export function spanParts(ms: number): { unit: 'hours' | 'days'; count: number } {
  const hours = Math.max(0, Math.floor(ms / HOUR));
  return hours < 100 ? { unit: 'hours', count: hours } : { unit: 'days', count: Math.floor(hours / 24) };
}
