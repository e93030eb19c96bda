import type { Store } from '@baton/persistence';
import { applyEffects, readMeta } from '@baton/shared-types/ydoc';
import type * as Y from 'yjs';
import { serverOrigin } from '../boards/origins';

/** Who may apply commands to a board right now. */
export interface BoardLock {
  /**
   * Runs `fn` while this process alone applies commands to `boardId`, after catching the live
   * document up with every command committed elsewhere.
   */
  run<T>(boardId: string, doc: Y.Doc, fn: () => Promise<T>): Promise<T>;
}

/** One server process: the per-board queue already serialises everything. */
export const singleProcessLock: BoardLock = { run: (_boardId, _doc, fn) => fn() };

export interface LeaseOptions {
  /** How long a lease lasts if its holder dies without releasing it (failover time). */
  ttlMs: number;
  retryMs: number;
  /** Give up (the command is refused as retryable) after waiting this long. */
  maxWaitMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Several processes over one database: a command runs under a short lease in the store's
 * locks table (the database is the authority; Redis only carries fan-out). The lease is taken
 * per command and released right after, so whichever process receives a command applies it;
 * if its holder dies, the lease expires after `ttlMs`. Before deciding, the process re-applies
 * committed effects its copy lacks — the previous holder may have died after committing but
 * before publishing — so no decision is made against a stale board.
 */
export class StoreLeaseLock implements BoardLock {
  constructor(
    private readonly store: Store,
    private readonly holder: string,
    private readonly options: LeaseOptions = { ttlMs: 3000, retryMs: 10, maxWaitMs: 10_000 },
  ) {}

  async run<T>(boardId: string, doc: Y.Doc, fn: () => Promise<T>): Promise<T> {
    const name = `board-commands:${boardId}`;
    const started = Date.now();
    while (!(await this.store.acquireLock(name, this.holder, this.options.ttlMs, Date.now()))) {
      if (Date.now() - started > this.options.maxWaitMs) throw new Error(`Timed out waiting for the command lease of board ${boardId}`);
      await sleep(this.options.retryMs);
    }
    try {
      const missing = await this.store.listAppliedCommands(boardId, readMeta(doc).appliedSeq);
      for (const c of missing) applyEffects(doc, c.effects, c.seq ?? 0, serverOrigin('repair', c.commandId));
      return await fn();
    } finally {
      await this.store.releaseLock(name, this.holder);
    }
  }
}
