import type { Store } from '@baton/persistence';
import type * as Y from 'yjs';
import { compactStored } from './compact';
import { isCommandOrigin } from './origins';

/** A client's update: stored before Hocuspocus applied it (see Documents.beforeHandleMessage). */
const isClientOrigin = (origin: unknown): boolean => (origin as { source?: unknown } | null)?.source === 'connection';

export interface PersisterOptions {
  /** Fold the update log into a snapshot after this many appended updates. */
  compactEvery: number;
  onError(error: unknown): void;
}

/**
 * Appends every update the server itself makes to a loaded document to the store as it
 * happens (in a microtask, so before control returns to the event loop), and compacts the log
 * now and then. A command's effect is committed before it is applied, so an update a crash
 * keeps out of the log is re-applied from the committed effects on the next load.
 *
 * Updates that arrive from other processes over Redis are appended too: the process that made
 * one may die before its own append commits, and this process may already have built on it
 * (its next update refers to it), so whatever a live document holds must be in the store.
 * Appends are issued one after another, so the stored log is always a prefix of what this
 * process applied: an asynchronous store (Postgres) could otherwise commit a later update
 * without an earlier one it builds on, if the process dies in between, and Yjs cannot apply
 * an update whose history is missing (the document would stop loading cleanly).
 */
export class DocumentPersister {
  private readonly pending = new Set<Promise<unknown>>();
  /** The last append issued; the next one starts after it settles. */
  private lastAppend: Promise<unknown> | null = null;
  private sinceCompaction = 0;
  private compacting: Promise<void> | null = null;

  constructor(
    private readonly store: Store,
    private readonly name: string,
    private readonly doc: Y.Doc,
    private readonly options: PersisterOptions,
  ) {}

  attach(): this {
    this.doc.on('update', this.onUpdate);
    return this;
  }

  detach(): void {
    this.doc.off('update', this.onUpdate);
  }

  /** Resolves when every update seen so far is durable (a compaction running meanwhile is not waited for). */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Counts an update appended elsewhere (a client's update, stored before Hocuspocus applied it). */
  noteAppended(): void {
    this.sinceCompaction++;
    if (this.sinceCompaction >= this.options.compactEvery) this.scheduleCompaction();
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (isClientOrigin(origin)) return;
    // A command's change repeats the effects its committed record holds (replayed on load if
    // the log lacks them), so its log entry needs no fsync of its own.
    const options = { replayable: isCommandOrigin(origin) };
    const append = () => this.store.appendUpdate(this.name, update, options);
    // With nothing in flight the append starts in a microtask: after the code that made the
    // change has sent it on (a command's broadcast goes out first, see CommandService), before
    // the event loop moves on. `flush()` waits for it either way.
    const appended = (this.lastAppend ?? Promise.resolve()).then(append, append).then(() => this.noteAppended());
    const settled = appended.then(
      () => undefined,
      () => undefined,
    );
    this.lastAppend = settled;
    void settled.then(() => {
      if (this.lastAppend === settled) this.lastAppend = null;
    });
    this.track(appended);
  };

  private track(p: Promise<unknown>): void {
    const tracked = p.catch((error: unknown) => this.options.onError(error)).finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  /**
   * Starts folding the log in the background. `flush()` does not wait for it: a command's
   * answer waits for its own update to be durable, not for the rest of the log to be folded.
   */
  private scheduleCompaction(): void {
    if (this.compacting) return;
    const compacting = this.fold()
      .catch((error: unknown) => this.options.onError(error))
      .finally(() => {
        if (this.compacting === compacting) this.compacting = null;
      });
    this.compacting = compacting;
  }

  /** Folds the stored log into the snapshot (see compactStored), after any compaction already running. */
  async compact(): Promise<void> {
    await this.compacting; // never rejects: its failure went to onError
    await this.fold();
  }

  private async fold(): Promise<void> {
    if (this.sinceCompaction === 0) return;
    this.sinceCompaction = 0;
    await compactStored(this.store, this.name);
  }
}
