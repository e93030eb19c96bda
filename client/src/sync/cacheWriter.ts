import { addCacheRows } from './cacheRows';
import type { CacheWrite, CacheWriteResult } from './cacheWriter.worker';

/** Writes a document's first copy from the server into its offline cache (see holdCacheWrites). */
export interface FirstCopyWriter {
  /**
   * Adds `updates` to the offline cache `dbName`: in the worker, or, where none could be started,
   * through the page's own connection `db` (null: already closed).
   */
  write(dbName: string, updates: Uint8Array[], db: () => IDBDatabase | null): Promise<void>;
  /** Nothing will be written (the session closed first). */
  cancel(): void;
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./cacheWriter.worker.ts', import.meta.url), { type: 'module' });
  } catch (error) {
    console.info(`Baton: no worker for the offline copy (${error instanceof Error ? error.message : String(error)}).`);
    return null;
  }
}

function writeInWorker(worker: Worker, job: CacheWrite): Promise<void> {
  return new Promise((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<CacheWriteResult>) => {
      worker.terminate();
      if (event.data.ok) resolve();
      else reject(new Error(event.data.error));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the cache writer failed'));
    };
    // Copies handed over, not cloned: a copy is one memcpy, while cloning these views copied the
    // whole message buffers behind them in one 30+ ms task. (The views themselves cannot be handed
    // over: the document's card values point into the same buffers.)
    const updates = job.updates.map((u) => u.slice());
    worker.postMessage({ ...job, updates }, updates.map((u) => u.buffer));
  });
}

/**
 * Starts the worker at once: starting one costs the page tens of milliseconds, which a first
 * visit can spend while it waits for the server's copy rather than when the board is on screen.
 */
export function startFirstCopyWriter(): FirstCopyWriter {
  let worker = startWorker();
  // A worker that fails to load reports it once, possibly before anything is written.
  let failure: string | null = null;
  if (worker) worker.onerror = (event) => void (failure = event.message || 'the cache writer did not start');
  return {
    async write(dbName, updates, db) {
      const running = worker;
      worker = null;
      try {
        if (!running || failure !== null) {
          running?.terminate();
          throw new Error(failure ?? 'this page cannot start workers');
        }
        await writeInWorker(running, { dbName, updates });
        return;
      } catch (error) {
        const open = db();
        if (!open) return;
        console.info(`Baton: writing the offline copy of ${dbName} on the page (${error instanceof Error ? error.message : String(error)}).`);
        await addCacheRows(open, updates);
      }
    },
    cancel() {
      worker?.terminate();
      worker = null;
    },
  };
}
