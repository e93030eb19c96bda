import type { NotificationMessage } from '@baton/shared-types';
import { ValueStore } from '../../lib/valueStore';

export interface NotificationList {
  unread: number;
  notifications: NotificationMessage[];
}

/** How the feed talks to the server (`GET /api/notifications`, `POST /api/notifications/read`). */
export interface FeedTransport {
  list(): Promise<NotificationList>;
  markRead(body: { ids: number[] } | { all: true }): Promise<{ unread: number }>;
}

export interface FeedState {
  status: 'idle' | 'ready' | 'error';
  /** Why the last load or change failed (the list keeps what it had). */
  error: string | null;
  unread: number;
  /** Newest first. */
  items: readonly NotificationMessage[];
  /** Unread notifications per card id (card ids are unique across boards). */
  unreadByCard: ReadonlyMap<string, number>;
  /** The last batch that arrived live, for an announcement; `seq` grows with every batch. */
  arrived: { seq: number; items: readonly NotificationMessage[] };
}

const EMPTY: FeedState = { status: 'idle', error: null, unread: 0, items: [], unreadByCard: new Map(), arrived: { seq: 0, items: [] } };
const ANNOUNCE_BATCH_MS = 400;

function unreadByCard(items: readonly NotificationMessage[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of items) if (!n.read && n.cardId) out.set(n.cardId, (out.get(n.cardId) ?? 0) + 1);
  return out;
}

/**
 * The signed-in user's alerts: loaded over HTTP, polled while anyone shows them, extended at
 * once by live `notification` messages, and marked read optimistically (a reload reconciles).
 */
export class NotificationFeed {
  readonly state = new ValueStore<FeedState>(EMPTY);
  private inflight: Promise<void> | null = null;
  private again = false;
  /** Marked read here and not yet confirmed by a reload. */
  private readonly pendingRead = new Set<number>();
  private readUpTo = 0;
  private users = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private batch: NotificationMessage[] = [];
  private batchTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly transport: FeedTransport,
    private readonly pollMs = 60_000,
  ) {}

  /** Someone shows the feed: load it and poll until the last one lets go. */
  retain(): () => void {
    if (this.users++ === 0) {
      void this.refresh();
      this.timer = setInterval(() => void this.refresh(), this.pollMs);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.users === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
      }
    };
  }

  /** Reloads the list; a reload asked for while one runs starts again after it (its answer could be stale). */
  refresh(): Promise<void> {
    if (this.inflight) {
      this.again = true;
      return this.inflight;
    }
    this.inflight = this.load();
    return this.inflight;
  }

  /** A notification pushed by the server while connected. */
  receive(n: NotificationMessage): void {
    const { items } = this.state.get();
    if (items.some((i) => i.id === n.id)) return;
    this.setItems([n, ...items].sort((a, b) => b.id - a.id), this.state.get().unread + (n.read ? 0 : 1));
    this.batch.push(n);
    this.batchTimer ??= setTimeout(() => this.flushBatch(), ANNOUNCE_BATCH_MS);
  }

  async markRead(ids: readonly number[]): Promise<void> {
    const unreadIds = ids.filter((id) => this.state.get().items.some((n) => n.id === id && !n.read));
    if (unreadIds.length === 0) return;
    for (const id of unreadIds) this.pendingRead.add(id);
    this.applyLocalReads();
    try {
      await this.transport.markRead({ ids: unreadIds });
    } catch (error) {
      this.fail(error);
    } finally {
      for (const id of unreadIds) this.pendingRead.delete(id);
      void this.refresh();
    }
  }

  /** Marks every unread notification of a card read (the user has looked at the card). */
  markCardRead(cardId: string): Promise<void> {
    return this.markRead(this.state.get().items.filter((n) => n.cardId === cardId && !n.read).map((n) => n.id));
  }

  async markAllRead(): Promise<void> {
    const { items, unread } = this.state.get();
    if (unread === 0) return;
    const previous = this.readUpTo;
    this.readUpTo = items.reduce((max, n) => Math.max(max, n.id), previous);
    this.setItems(items.map((n) => (n.read ? n : { ...n, read: true })), 0);
    try {
      await this.transport.markRead({ all: true });
    } catch (error) {
      this.readUpTo = previous;
      this.fail(error);
    } finally {
      void this.refresh();
    }
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.batchTimer) clearTimeout(this.batchTimer);
    this.timer = this.batchTimer = null;
  }

  private async load(): Promise<void> {
    for (;;) {
      this.again = false;
      let list: NotificationList;
      try {
        list = await this.transport.list();
      } catch (error) {
        if (this.again) continue;
        this.inflight = null;
        this.fail(error);
        return;
      }
      // Someone asked again while this request ran: its answer may predate their change.
      if (this.again) continue;
      // Done (cleared here, not in a later callback, so a refresh asked for from now on runs anew).
      this.inflight = null;
      // Reads marked here but not yet confirmed stay read.
      const items = list.notifications.map((n) => (!n.read && (this.pendingRead.has(n.id) || n.id <= this.readUpTo) ? { ...n, read: true } : n));
      const hidden = list.notifications.filter((n, i) => !n.read && items[i]?.read).length;
      this.state.update((s) => ({ ...s, status: 'ready', error: null }));
      this.setItems(items, Math.max(0, list.unread - hidden));
      return;
    }
  }

  private fail(error: unknown): void {
    this.state.update((s) => ({ ...s, status: 'error', error: error instanceof Error ? error.message : String(error) }));
  }

  private applyLocalReads(): void {
    const { items, unread } = this.state.get();
    let changed = 0;
    const next = items.map((n) => {
      if (n.read || !this.pendingRead.has(n.id)) return n;
      changed++;
      return { ...n, read: true };
    });
    if (changed > 0) this.setItems(next, Math.max(0, unread - changed));
  }

  private setItems(items: readonly NotificationMessage[], unread: number): void {
    this.state.update((s) => ({ ...s, items, unread, unreadByCard: unreadByCard(items) }));
  }

  private flushBatch(): void {
    this.batchTimer = null;
    const items = this.batch;
    this.batch = [];
    if (items.length > 0) this.state.update((s) => ({ ...s, arrived: { seq: s.arrived.seq + 1, items } }));
  }
}
