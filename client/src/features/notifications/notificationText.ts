import type { NotificationMessage } from '@baton/shared-types';
import type { TFunction } from 'i18next';
import { spanText } from '../health/healthText';

export interface NotificationContext {
  stageLabel(id: string): string;
  memberName(id: string): string;
  /** The signed-in user (their own name is not repeated as "owner"). */
  myId: string;
}

export interface NotificationText {
  /** "Quote for ‘Fraud monitoring’ has had no update for 72 h". */
  title: string;
  /** "Pacific Mutual Insurance · Quote · Owner: Li Wei". */
  detail: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** An alert in words, in the UI language. */
export function notificationText(n: NotificationMessage, t: TFunction, ctx: NotificationContext): NotificationText {
  const data = n.data ?? {};
  const rule = str(data.rule) || n.type.replace(/^sla\./, '');
  const since = num(data.since);
  const dueAt = num(data.dueAt);
  const params = { title: str(data.title) || t('alerts.untitled'), span: since !== null && dueAt !== null ? spanText(dueAt - since, t, rule === 'stuck' ? 'days' : undefined) : '' };
  const title = t(`alerts.text.${rule}`, { ...params, defaultValue: t('alerts.text.generic', params) });
  const ownerId = str(data.ownerId);
  const stage = str(data.stage);
  const detail = [str(data.customer), stage ? ctx.stageLabel(stage) : '', ownerId && ownerId !== ctx.myId ? t('alerts.owner', { name: ctx.memberName(ownerId) }) : '']
    .filter((part) => part !== '')
    .join(' · ');
  return { title, detail };
}

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "just now", "5 minutes ago", "yesterday", "3 days ago" (server time on both sides). */
export function relativeTime(at: number, now: number, locale: string, t: TFunction): string {
  const elapsed = Math.max(0, now - at);
  if (elapsed < 45_000) return t('alerts.justNow');
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (elapsed >= ms || unit === 'minute') return format.format(-Math.max(1, Math.round(elapsed / ms)), unit);
  }
  return t('alerts.justNow');
}
