import type { Store } from '@baton/persistence';
import * as Y from 'yjs';

/**
 * Folds a document's update log into its snapshot, from what the store holds (not from a live
 * copy, which may lag behind rows another process appended). The merge goes through a
 * garbage-collecting Y.Doc, so overwritten values do not pile up in the snapshot.
 */
export async function compactStored(store: Store, name: string): Promise<number> {
  const loaded = await store.loadDocument(name);
  const last = loaded?.updates.at(-1);
  if (!loaded || !last) return 0;
  const doc = new Y.Doc();
  try {
    if (loaded.snapshot) Y.applyUpdate(doc, loaded.snapshot);
    for (const u of loaded.updates) Y.applyUpdate(doc, u.data);
    await store.compactDocument(name, Y.encodeStateAsUpdate(doc), last.seq);
    return loaded.updates.length;
  } finally {
    doc.destroy();
  }
}
