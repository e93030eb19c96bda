import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import { whenIdle } from '../lib/idle';
import { startFirstCopyWriter } from './cacheWriter';
import { readSyncUpdate } from './docFrames';

/** How long a document waits for its cached copy before going to the server without it. */
const CACHE_WAIT_MS = 3000;

/**
 * Starts caching `doc` in IndexedDB under `cacheName` and applies what was cached before.
 * Resolves with the persistence once the cached copy is in the document, or with null when
 * IndexedDB did not answer in time (that persistence is stopped, so nothing lands later).
 */
export async function openDocCache(cacheName: string, doc: Y.Doc, onCreated: (cache: IndexeddbPersistence) => void): Promise<IndexeddbPersistence | null> {
  if (typeof indexedDB === 'undefined') return null;
  const cache = new IndexeddbPersistence(cacheName, doc);
  onCreated(cache);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), CACHE_WAIT_MS)));
  const result = await Promise.race([cache.whenSynced.then(() => 'synced' as const), timedOut]);
  clearTimeout(timer);
  if (result === 'synced') return cache;
  console.warn(`Baton: the offline copy of ${cacheName} did not load in time; using the server's.`);
  void cache.destroy();
  return null;
}

/** Whether a document has any content at all (a cached copy was found). */
export const hasContent = (doc: Y.Doc): boolean => doc.store.clients.size > 0;

/** Deletes a document's cached copy (after its persistence was destroyed). */
export async function clearDocCache(cacheName: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  try {
    await clearDocument(cacheName);
  } catch (error) {
    console.warn(`Baton: could not delete the offline copy of ${cacheName}:`, error);
  }
}

/** y-indexeddb's listener that writes each change to IndexedDB as it is applied, and its state. */
const internals = (cache: IndexeddbPersistence) => cache as unknown as { _storeUpdate: (update: Uint8Array, origin: unknown) => void; _destroyed: boolean };

/** A first visit's offline cache while the server's copy is on its way (see holdCacheWrites). */
export interface FirstVisitCache {
  /** Every frame from the server for the document, until `resume`. */
  capture(data: unknown): void;
  /** The server's copy is in: cache it as it was sent, then go back to caching change by change. */
  resume(): void;
  /** The document closed before its copy came. */
  close(): void;
}

/**
 * A first visit gets the whole document from the server in one message. Caching it as it is
 * applied makes Yjs encode all of it once more (the cache listens to `update`, ~100 ms for
 * 5,000 cards) and IndexedDB copy it, in the same task that shows the board. Instead the cache
 * keeps the updates the server's frames carry, exactly as sent, and a worker writes them when
 * the page is idle.
 */
export function holdCacheWrites(cache: IndexeddbPersistence, doc: Y.Doc): FirstVisitCache {
  const { _storeUpdate: listener } = internals(cache);
  doc.off('update', listener);
  const received: Uint8Array[] = [];
  const writer = startFirstCopyWriter();
  let resumed = false;
  return {
    capture(data) {
      if (resumed) return;
      const update = readSyncUpdate(data);
      // An empty Yjs update is two zero bytes (no structs, no deletions).
      if (update && update.length > 2) received.push(update);
    },
    resume() {
      if (resumed) return;
      resumed = true;
      if (internals(cache)._destroyed) {
        writer.cancel();
        return;
      }
      doc.on('update', listener);
      const updates = received.splice(0);
      if (updates.length === 0) {
        writer.cancel();
        return;
      }
      whenIdle(() => {
        if (internals(cache)._destroyed) {
          writer.cancel();
          return;
        }
        writer.write(cache.name, updates, () => (internals(cache)._destroyed ? null : cache.db)).catch((error: unknown) => {
          console.warn(`Baton: could not keep an offline copy of ${cache.name}:`, error);
        });
      });
    },
    close() {
      if (!resumed) writer.cancel();
      resumed = true;
    },
  };
}
