import type { CardHealth, SlaConfig, SlaRule } from '@baton/shared-types';
import type { TFunction } from 'i18next';
import { spanParts } from './health';

/** "80 h" / "5 days" in the UI language (or always in days, for stuck deals). */
export function spanText(ms: number, t: TFunction, unit?: 'days'): string {
  if (unit === 'days') return t('sla.span.days', { count: Math.floor(ms / 86_400_000) });
  const parts = spanParts(ms);
  return t(`sla.span.${parts.unit}`, { count: parts.count });
}

export interface HealthChip {
  tone: 'dueSoon' | 'breached';
  rule: Exclude<SlaRule, 'stuck'>;
  /** Short, for the card: "Quote idle 80 h", "Review due in 5 h". */
  label: string;
  /** Longer, for the tooltip: what the limit is and who was alerted. */
  title: string;
}

/** The SLA chip of a card (nothing when every clock is fine). */
export function healthChip(health: CardHealth, now: number, t: TFunction): HealthChip | null {
  const clock = health.worst;
  if (!clock || health.state === 'ok' || clock.rule === 'stuck') return null;
  const params = {
    elapsed: spanText(now - clock.since, t),
    left: spanText(clock.dueAt - now, t),
    over: spanText(now - clock.dueAt, t),
    limit: spanText(clock.dueAt - clock.since, t),
  };
  return {
    tone: health.state,
    rule: clock.rule,
    label: t(`sla.chip.${clock.rule}.${health.state}`, params),
    title: t(`sla.chipTitle.${clock.rule}.${health.state}`, params),
  };
}

/** The "Stuck" marker's tooltip: how long without stage progress, against the board's limit. */
export function stuckTitle(health: CardHealth, sla: SlaConfig, t: TFunction): string {
  return t('sla.stuckTitle', { days: t('sla.span.days', { count: Math.floor(health.daysInStage) }), limit: t('sla.span.days', { count: sla.stuckDays }) });
}

/** What a screen reader hears after the card's name: ", stuck, quote idle 80 h". */
export function healthSpoken(health: CardHealth, chip: HealthChip | null, t: TFunction): string {
  const parts = [health.stuck ? t('sla.stuck') : null, chip?.label ?? null].filter((p): p is string => p !== null);
  return parts.length > 0 ? `, ${parts.join(', ')}` : '';
}
