import type { TFunction } from 'i18next';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A response time in words: "45 min", "3 h 5 min", "2 d 4 h" (rounded to the two largest units). */
export function formatDuration(ms: number, t: TFunction): string {
  const total = Math.max(0, Math.round(ms / MINUTE)) * MINUTE;
  if (total < HOUR) return t('events.duration.minutes', { count: Math.max(1, total / MINUTE) });
  if (total < DAY) {
    const h = Math.floor(total / HOUR);
    const m = Math.round((total - h * HOUR) / MINUTE);
    return m === 0 ? t('events.duration.hours', { count: h }) : t('events.duration.hoursMinutes', { h, m });
  }
  const d = Math.floor(total / DAY);
  const h = Math.round((total - d * DAY) / HOUR);
  if (h === 24) return t('events.duration.days', { count: d + 1 });
  return h === 0 ? t('events.duration.days', { count: d }) : t('events.duration.daysHours', { d, h });
}
