import { EVENT_TYPES } from '@baton/shared-types';
import { dateFormat } from '../../lib/dateFormat';

/** Filter chips of the customer timeline: each groups event types a reader thinks of as one thing. */
export const TIMELINE_GROUPS = {
  moves: [EVENT_TYPES.cardMoved],
  pack: [EVENT_TYPES.packCreated, EVENT_TYPES.packSubmitted, EVENT_TYPES.packReviewed],
  colours: [EVENT_TYPES.requirementColored],
  plans: [EVENT_TYPES.planPosted],
  files: [EVENT_TYPES.attachmentAdded, EVENT_TYPES.attachmentTagged, EVENT_TYPES.attachmentRemoved],
  edits: [EVENT_TYPES.cardCreated, EVENT_TYPES.cardUpdated, EVENT_TYPES.cardArchived, EVENT_TYPES.cardRestored],
} as const;

export type TimelineGroup = keyof typeof TIMELINE_GROUPS;
export const GROUP_ORDER = Object.keys(TIMELINE_GROUPS) as TimelineGroup[];

/** Reordering a card within its column says nothing about the customer: left out of the timeline. */
const HIDDEN = new Set<string>([EVENT_TYPES.cardReordered]);

export interface TimelineEvent {
  id: number | string;
  cardId: string | null;
  cardTitle: string;
  type: string;
  actor: string;
  at: number;
  data: Record<string, unknown> | null;
}

/** The chip an event belongs to; unknown (newer) types count as edits; hidden ones as none. */
export function groupOf(type: string): TimelineGroup | null {
  if (HIDDEN.has(type)) return null;
  return GROUP_ORDER.find((g) => (TIMELINE_GROUPS[g] as readonly string[]).includes(type)) ?? 'edits';
}

export interface TimelineFilter {
  /** Chips switched on; empty = every group. */
  groups: ReadonlySet<TimelineGroup>;
  /** Deals picked; empty = every deal. */
  cardIds: ReadonlySet<string>;
}

export const NO_FILTER: TimelineFilter = { groups: new Set(), cardIds: new Set() };

/** The events the filter lets through, in the order given (the server sends newest first). */
export function filterTimeline<E extends Pick<TimelineEvent, 'type' | 'cardId'>>(events: readonly E[], filter: TimelineFilter): E[] {
  return events.filter((e) => {
    const group = groupOf(e.type);
    if (group === null) return false;
    if (filter.groups.size > 0 && !filter.groups.has(group)) return false;
    return filter.cardIds.size === 0 || (e.cardId !== null && filter.cardIds.has(e.cardId));
  });
}

/** How many events each chip would show, given the deal filter (so the numbers match what a click shows). */
export function countByGroup(events: readonly Pick<TimelineEvent, 'type' | 'cardId'>[], cardIds: ReadonlySet<string>): Record<TimelineGroup, number> {
  const counts = Object.fromEntries(GROUP_ORDER.map((g) => [g, 0])) as Record<TimelineGroup, number>;
  for (const e of filterTimeline(events, { groups: new Set(), cardIds })) {
    const group = groupOf(e.type);
    if (group) counts[group]++;
  }
  return counts;
}

/** Toggles one member of a set (a chip). */
export function toggle<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

const dayKey = (at: number) => {
  const d = new Date(at);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
};

/** Events grouped by calendar day (local time), keeping their order. */
export function byDay<E extends Pick<TimelineEvent, 'at'>>(events: readonly E[]): Array<{ key: string; at: number; events: E[] }> {
  const days: Array<{ key: string; at: number; events: E[] }> = [];
  for (const e of events) {
    const key = dayKey(e.at);
    const last = days[days.length - 1];
    if (last && last.key === key) last.events.push(e);
    else days.push({ key, at: e.at, events: [e] });
  }
  return days;
}

/** "Today", "Yesterday" or the date, relative to `now`. */
export function dayLabel(at: number, now: number, words: { today: string; yesterday: string }, locale: string): string {
  if (dayKey(at) === dayKey(now)) return words.today;
  if (dayKey(at) === dayKey(now - 86_400_000)) return words.yesterday;
  return dateFormat(locale, { weekday: 'short', year: 'numeric', month: 'long', day: 'numeric' }).format(at);
}
