/** The object store where y-indexeddb keeps a document's updates (one row per update). */
const UPDATES = 'updates';

/** Opens an existing offline copy's database (y-indexeddb created it and its stores). */
export function openCacheDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`could not open ${name}`));
  });
}

/** Adds updates to an offline copy as rows y-indexeddb reads back like its own, in one transaction. */
export function addCacheRows(db: IDBDatabase, updates: readonly Uint8Array[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction([UPDATES], 'readwrite');
    const store = tx.objectStore(UPDATES);
    for (const update of updates) store.add(update);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('the offline copy was not written'));
    tx.onabort = () => reject(tx.error ?? new Error('the offline copy was not written'));
  });
}
