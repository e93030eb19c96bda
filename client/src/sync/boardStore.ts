import type { Card, Command, StageConfig } from '@baton/shared-types';
import { EMPTY_BASE, type BaseBoard } from '@baton/shared-types/ydoc';
import type { Outbox } from './outbox';
import { applyOverlay, isReflected } from './overlay';

/** What the board UI renders: the document plus the optimistic overlay of unanswered commands. */
export interface BoardView {
  /** The document has content (from the local cache or the server). */
  loaded: boolean;
  /** The server has sent its state at least once since the page opened. */
  synced: boolean;
  name: string;
  stages: readonly StageConfig[];
  /** Live cards per stage id, in board order. */
  columns: ReadonlyMap<string, readonly Card[]>;
  /** Every card, archived ones included. */
  cards: ReadonlyMap<string, Card>;
  /** Cards with changes the server has not confirmed yet. */
  pending: ReadonlySet<string>;
}

const SETTLE_MS = 2000;

/**
 * The board snapshot for `useSyncExternalStore`. It is recomputed lazily, only after the
 * document or the outbox changed, and keeps column identities for untouched columns.
 */
export class BoardStore {
  private base: BaseBoard = EMPTY_BASE;
  private loaded = false;
  private synced = false;
  /** Acknowledged commands whose effect has not reached the document yet. */
  private settling: Array<{ command: Command; until: number }> = [];
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private view: BoardView | null = null;
  private lastPending: ReadonlySet<string> = new Set();
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribeOutbox: () => void;

  constructor(
    private readonly outbox: Outbox,
    private readonly userId: string,
  ) {
    this.unsubscribeOutbox = outbox.subscribe(() => this.invalidate());
  }

  setBase(base: BaseBoard): void {
    this.base = base;
    if (!this.loaded && (base.cards.size > 0 || base.name !== '')) this.loaded = true;
    this.settling = this.settling.filter((s) => !isReflected(base, s.command));
    this.invalidate();
  }

  /** The document is being replaced (cache from another epoch): show loading until it is back. */
  unload(): void {
    this.loaded = false;
    this.synced = false;
    this.invalidate();
  }

  setSynced(synced: boolean): void {
    if (this.synced === synced) return;
    this.synced = synced;
    if (synced) this.loaded = true;
    this.invalidate();
  }

  /** Keeps an acknowledged command's overlay until the document shows its effect (bounded). */
  settle(command: Command): void {
    if (isReflected(this.base, command)) return;
    this.settling.push({ command, until: Date.now() + SETTLE_MS });
    this.invalidate();
    this.settleTimer ??= setTimeout(() => this.expireSettling(), SETTLE_MS + 50);
  }

  getBase = (): BaseBoard => this.base;

  getSnapshot = (): BoardView => {
    this.view ??= this.compute();
    return this.view;
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  destroy(): void {
    this.unsubscribeOutbox();
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.listeners.clear();
  }

  private expireSettling(): void {
    this.settleTimer = null;
    const now = Date.now();
    const before = this.settling.length;
    this.settling = this.settling.filter((s) => s.until > now);
    if (this.settling.length !== before) this.invalidate();
    if (this.settling.length > 0) this.settleTimer = setTimeout(() => this.expireSettling(), SETTLE_MS);
  }

  private compute(): BoardView {
    const ctx = { userId: this.userId, now: Date.now() };
    let base = this.base;
    if (this.settling.length > 0) {
      const settled = applyOverlay(base, this.settling.map((s) => s.command), ctx);
      base = { ...base, columns: settled.columns, cards: settled.cards };
    }
    const overlay = applyOverlay(base, this.outbox.list().map((p) => p.command), ctx);
    const previous = this.lastPending;
    const pending = previous.size === overlay.pending.size && [...overlay.pending].every((id) => previous.has(id)) ? previous : overlay.pending;
    this.lastPending = pending;
    return {
      loaded: this.loaded,
      synced: this.synced,
      name: this.base.name,
      stages: this.base.stages,
      columns: overlay.columns,
      cards: overlay.cards,
      pending,
    };
  }

  private invalidate(): void {
    this.view = null;
    for (const listener of [...this.listeners]) listener();
  }
}
