/**
 * Writes a document's first copy from the server into its offline cache, off the page's main
 * thread: IndexedDB copies (and compresses) a value of several megabytes synchronously, which
 * on the page would be one more long task right after the board appears.
 */
import { addCacheRows, openCacheDb } from './cacheRows';

export interface CacheWrite {
  dbName: string;
  updates: Uint8Array[];
}

export type CacheWriteResult = { ok: true } | { ok: false; error: string };

/** The parts of a dedicated worker's global scope used here (the DOM typings the client compiles with lack them). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<CacheWrite>) => void) | null;
  postMessage(message: CacheWriteResult): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = async (event: MessageEvent<CacheWrite>) => {
  const { dbName, updates } = event.data;
  let result: CacheWriteResult;
  try {
    const db = await openCacheDb(dbName);
    try {
      await addCacheRows(db, updates);
    } finally {
      db.close();
    }
    result = { ok: true };
  } catch (error) {
    result = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(result);
};
