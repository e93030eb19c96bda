import type { Store } from '@baton/persistence';
import { boardDocName } from '@baton/shared-types';
import { applyEffects, appliedSeqOf } from '@baton/shared-types/ydoc';
import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import { serverOrigin } from '../boards/origins';
import { applyInOneTransaction, storedUpdates } from '../boards/storedLog';

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

/** The store lock under which a board's commands run, in every process sharing the store. */
export const boardLeaseName = (boardId: string) => `board-commands:${boardId}`;

export const DEFAULT_LEASE: LeaseOptions = { ttlMs: 3000, retryMs: 10, maxWaitMs: 10_000 };

/** Waits for the store lock `name` (shared by every process on the store); returns the holder id to release. */
export async function takeLease(store: Store, name: string, options: LeaseOptions = DEFAULT_LEASE): Promise<string> {
  const holder = `load-${randomUUID()}`;
  const started = Date.now();
  while (!(await store.acquireLock(name, holder, options.ttlMs, Date.now()))) {
    if (Date.now() - started > options.maxWaitMs) throw new Error(`Timed out waiting for the lock ${name}`);
    await sleep(options.retryMs);
  }
  return holder;
}

/** Takes a board's command lease for a moment of work outside a command (e.g. a load's repair); returns the holder id to release. */
export const takeBoardLease = (store: Store, boardId: string, options: LeaseOptions = DEFAULT_LEASE): Promise<string> =>
  takeLease(store, boardLeaseName(boardId), options);

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
    private readonly options: LeaseOptions = DEFAULT_LEASE,
  ) {}

  async run<T>(boardId: string, doc: Y.Doc, fn: () => Promise<T>): Promise<T> {
    const name = boardLeaseName(boardId);
    const started = Date.now();
    while (!(await this.store.acquireLock(name, this.holder, this.options.ttlMs, Date.now()))) {
      if (Date.now() - started > this.options.maxWaitMs) throw new Error(`Timed out waiting for the command lease of board ${boardId}`);
      await sleep(this.options.retryMs);
    }
    try {
      await this.catchUp(boardId, doc);
      return await fn();
    } finally {
      await this.store.releaseLock(name, this.holder);
    }
  }

  /**
   * Brings the live copy up to every committed command. The process that applied one stored its
   * update before releasing the lease, but Redis may not have brought that update here yet: so
   * the stored log comes first, and only effects still missing after it (their process died
   * between commit and append) are applied again. Re-applying an effect whose original update
   * arrives later would create a card a second time, as another object, and changes made to the
   * losing object would be invisible (test/lease-catchup.test.ts).
   */
  private async catchUp(boardId: string, doc: Y.Doc): Promise<void> {
    let missing = await this.store.listAppliedCommands(boardId, appliedSeqOf(doc));
    if (missing.length === 0) return;
    const stored = await this.store.loadDocument(boardDocName(boardId));
    if (stored) {
      applyInOneTransaction(doc, storedUpdates(stored), serverOrigin('repair'));
      missing = await this.store.listAppliedCommands(boardId, appliedSeqOf(doc));
    }
    for (const c of missing) applyEffects(doc, c.effects, c.seq ?? 0, serverOrigin('repair', c.commandId));
  }
}
