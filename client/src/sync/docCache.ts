import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';

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
