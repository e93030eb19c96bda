import { addCacheRows } from './cacheRows';
import type { CacheWrite, CacheWriteResult } from './cacheWriter.worker';

function writeInWorker(job: CacheWrite): Promise<void> {
  if (typeof Worker === 'undefined') return Promise.reject(new Error('this page cannot start workers'));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./cacheWriter.worker.ts', import.meta.url), { type: 'module' });
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
 * Adds a document's first copy from the server to its offline cache `dbName`: in a worker, or,
 * where none can be started, through the page's own connection `db` (null: already closed).
 */
export async function writeFirstCopy(dbName: string, updates: Uint8Array[], db: () => IDBDatabase | null): Promise<void> {
  try {
    await writeInWorker({ dbName, updates });
    return;
  } catch (error) {
    const open = db();
    if (!open) return;
    console.info(`Baton: writing the offline copy of ${dbName} on the page (${error instanceof Error ? error.message : String(error)}).`);
    await addCacheRows(open, updates);
  }
}
