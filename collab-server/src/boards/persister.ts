import type { Store } from '@baton/persistence';
import type * as Y from 'yjs';
import { compactStored } from './compact';

const isRemoteOrigin = (origin: unknown): boolean => {
  const source = (origin as { source?: unknown } | null)?.source;
  return source === 'connection' || source === 'redis';
};

export interface PersisterOptions {
  /** Fold the update log into a snapshot after this many appended updates. */
  compactEvery: number;
  onError(error: unknown): void;
}

/**
 * Appends every update the server itself makes to a loaded document to the store as it
 * happens, and compacts the log now and then. With SQLite the append is written before control returns to the event
 * loop, so before Hocuspocus broadcasts the change (it batches broadcasts to setImmediate).
 */
export class DocumentPersister {
  private readonly pending = new Set<Promise<unknown>>();
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

  /** Resolves when every update seen so far is durable. */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Counts an update appended elsewhere (a client's update, stored before Hocuspocus applied it). */
  noteAppended(): void {
    this.sinceCompaction++;
    if (this.sinceCompaction >= this.options.compactEvery) this.scheduleCompaction();
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    // Clients' updates were stored before they were applied; Redis carries other processes' updates.
    if (isRemoteOrigin(origin)) return;
    this.track(this.store.appendUpdate(this.name, update).then(() => this.noteAppended()));
  };

  private track(p: Promise<unknown>): void {
    const tracked = p.catch((error: unknown) => this.options.onError(error)).finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  private scheduleCompaction(): void {
    if (this.compacting) return;
    this.compacting = this.compact().finally(() => {
      this.compacting = null;
    });
    this.track(this.compacting);
  }

  /** Folds the stored log into the snapshot (see compactStored). */
  async compact(): Promise<void> {
    if (this.sinceCompaction === 0) return;
    this.sinceCompaction = 0;
    await compactStored(this.store, this.name);
  }
}
