import type { NotificationMessage } from '@baton/shared-types';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotificationFeed, type FeedTransport, type NotificationList } from '../src/features/notifications/notificationFeed';

const n = (id: number, cardId: string, read = false): NotificationMessage => ({ id, type: 'sla.stuck', boardId: 'demo', cardId, at: id, read, data: {} });

/** A server with a list of notifications; `hold` keeps the next list request waiting. */
function fakeServer(initial: NotificationMessage[]) {
  let items = [...initial];
  let held: Array<() => void> = [];
  let hold = false;
  const reads: Array<{ ids: number[] } | { all: true }> = [];
  const transport: FeedTransport = {
    list: () => {
      const answer = (): NotificationList => ({ unread: items.filter((i) => !i.read).length, notifications: [...items].sort((a, b) => b.id - a.id) });
      if (!hold) return Promise.resolve(answer());
      const snapshot = answer();
      return new Promise((resolve) => held.push(() => resolve(snapshot)));
    },
    markRead: async (body) => {
      reads.push(body);
      items = items.map((i) => ('all' in body || body.ids.includes(i.id) ? { ...i, read: true } : i));
      return { unread: items.filter((i) => !i.read).length };
    },
  };
  return {
    transport,
    reads,
    add: (m: NotificationMessage) => (items = [...items, m]),
    hold: (on: boolean) => (hold = on),
    release: () => {
      const waiting = held;
      held = [];
      for (const r of waiting) r();
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => vi.useRealTimers());

describe('the alerts feed', () => {
  it('loads newest first with the unread count and unread alerts per card', async () => {
    const server = fakeServer([n(1, 'a', true), n(2, 'a'), n(3, 'b')]);
    const feed = new NotificationFeed(server.transport);
    await feed.refresh();
    const state = feed.state.get();
    expect(state.items.map((i) => i.id)).toEqual([3, 2, 1]);
    expect(state.unread).toBe(2);
    expect(Object.fromEntries(state.unreadByCard)).toEqual({ a: 1, b: 1 });
  });

  it('adds a live notification at once (once), and announces arrivals in one batch', async () => {
    vi.useFakeTimers();
    const feed = new NotificationFeed(fakeServer([]).transport);
    feed.receive(n(7, 'c'));
    feed.receive(n(8, 'c'));
    feed.receive(n(7, 'c'));
    expect(feed.state.get().unread).toBe(2);
    expect(feed.state.get().unreadByCard.get('c')).toBe(2);
    expect(feed.state.get().arrived.seq).toBe(0);
    vi.advanceTimersByTime(500);
    expect(feed.state.get().arrived).toMatchObject({ seq: 1, items: [{ id: 7 }, { id: 8 }] });
  });

  it('marks a card’s alerts read at once, and a reload that started before does not bring them back', async () => {
    const server = fakeServer([n(1, 'a'), n(2, 'a'), n(3, 'b')]);
    const feed = new NotificationFeed(server.transport);
    await feed.refresh();
    server.hold(true);
    const stale = feed.refresh(); // answers with the list from before the read
    server.hold(false);
    const marking = feed.markCardRead('a');
    expect(feed.state.get().unread).toBe(1);
    server.release();
    await stale;
    await marking;
    await settle();
    expect(server.reads).toEqual([{ ids: [2, 1] }]);
    expect(feed.state.get().unread).toBe(1);
    expect(feed.state.get().unreadByCard.has('a')).toBe(false);
  });

  it('marks everything read, but not what arrives after', async () => {
    const server = fakeServer([n(1, 'a'), n(2, 'b')]);
    const feed = new NotificationFeed(server.transport);
    await feed.refresh();
    await feed.markAllRead();
    expect(feed.state.get().unread).toBe(0);
    server.add(n(3, 'c'));
    await feed.refresh();
    expect(feed.state.get().unread).toBe(1);
    expect(feed.state.get().items.find((i) => i.id === 3)?.read).toBe(false);
  });

  it('keeps what it has and says why when loading fails', async () => {
    const server = fakeServer([n(1, 'a')]);
    const feed = new NotificationFeed(server.transport);
    await feed.refresh();
    server.transport.list = () => Promise.reject(new Error('The server could not be reached.'));
    await feed.refresh();
    expect(feed.state.get()).toMatchObject({ status: 'error', error: 'The server could not be reached.', unread: 1 });
  });

  it('polls only while someone shows it', async () => {
    vi.useFakeTimers();
    const server = fakeServer([]);
    const list = vi.spyOn(server.transport, 'list');
    const feed = new NotificationFeed(server.transport, 60_000);
    const release = feed.retain();
    const release2 = feed.retain();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(list).toHaveBeenCalledTimes(3);
    release();
    release2();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(list).toHaveBeenCalledTimes(3);
  });
});
