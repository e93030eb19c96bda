import { describe, expect, it } from 'vitest';
import { byDay, countByGroup, dayLabel, filterTimeline, groupOf, NO_FILTER, toggle, type TimelineGroup } from '../src/features/customer/timelineFilter';

const ev = (id: number, type: string, cardId: string, at = id * 1000) => ({ id, type, cardId, cardTitle: cardId, actor: 'sales', at, data: {} });
const events = [
  ev(9, 'plan.posted', 'b'),
  ev(8, 'requirement.colored', 'a'),
  ev(7, 'requirement.colored', 'b'),
  ev(6, 'pack.submitted', 'a'),
  ev(5, 'card.reordered', 'a'),
  ev(4, 'card.moved', 'a'),
  ev(3, 'attachment.added', 'b'),
  ev(2, 'card.updated', 'a'),
  ev(1, 'quote.locked', 'a'),
];

describe('the customer timeline filters', () => {
  it('shows everything but in-column reorders when no chip is on', () => {
    expect(filterTimeline(events, NO_FILTER).map((e) => e.id)).toEqual([9, 8, 7, 6, 4, 3, 2, 1]);
    expect(groupOf('card.reordered')).toBeNull();
    expect(groupOf('quote.locked')).toBe('edits'); // a type this client does not know yet still shows
  });

  it('combines event-type chips (any of them) with deal chips (any of them)', () => {
    const groups = new Set<TimelineGroup>(['colours', 'plans']);
    expect(filterTimeline(events, { groups, cardIds: new Set() }).map((e) => e.id)).toEqual([9, 8, 7]);
    expect(filterTimeline(events, { groups, cardIds: new Set(['a']) }).map((e) => e.id)).toEqual([8]);
    expect(filterTimeline(events, { groups: new Set(), cardIds: new Set(['b']) }).map((e) => e.id)).toEqual([9, 7, 3]);
  });

  it('counts per chip what clicking it would show under the deal filter', () => {
    expect(countByGroup(events, new Set())).toEqual({ moves: 1, pack: 1, colours: 2, plans: 1, files: 1, edits: 2 });
    expect(countByGroup(events, new Set(['b']))).toEqual({ moves: 0, pack: 0, colours: 1, plans: 1, files: 1, edits: 0 });
  });

  it('toggles chips on and off', () => {
    const on = toggle(new Set<TimelineGroup>(), 'moves');
    expect([...on]).toEqual(['moves']);
    expect([...toggle(on, 'moves')]).toEqual([]);
  });

  it('groups events by day, newest first, with Today and Yesterday', () => {
    const now = new Date(2026, 2, 10, 15).getTime();
    const list = [now - 1000, now - 2 * 3600_000, now - 26 * 3600_000, now - 80 * 3600_000].map((at, i) => ({ at, id: i }));
    const days = byDay(list);
    expect(days.map((d) => d.events.map((e) => e.id))).toEqual([[0, 1], [2], [3]]);
    const words = { today: 'Today', yesterday: 'Yesterday' };
    expect(days.map((d) => dayLabel(d.at, now, words, 'en-US'))).toEqual(['Today', 'Yesterday', 'Sat, March 7, 2026']);
  });
});
