import type { Store } from '@baton/persistence';
import * as Y from 'yjs';

/** The longest a compaction holds the event loop between yields while it applies the log. */
const SLICE_MS = 4;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Folds a document's update log into its snapshot, from what the store holds (not from a live
 * copy, which may lag behind rows another process appended). The merge goes through a
 * garbage-collecting Y.Doc, so overwritten values do not pile up in the snapshot.
 *
 * It runs beside live traffic, so it gives the event loop back between its steps (read,
 * snapshot, slices of the log of at most a few milliseconds, encode, write): on a 1,000-card
 * board the whole fold takes 15–35 ms, which in one piece would delay every command and
 * broadcast behind it. Rows appended meanwhile stay in the log (the store deletes only the
 * rows up to the last one read).
 */
export async function compactStored(store: Store, name: string): Promise<number> {
  const loaded = await store.loadDocument(name);
  const last = loaded?.updates.at(-1);
  if (!loaded || !last) return 0;
  const doc = new Y.Doc();
  try {
    await yieldToLoop();
    if (loaded.snapshot) Y.applyUpdate(doc, loaded.snapshot);
    let sliceStart = performance.now();
    for (const u of loaded.updates) {
      if (performance.now() - sliceStart >= SLICE_MS) {
        await yieldToLoop();
        sliceStart = performance.now();
      }
      Y.applyUpdate(doc, u.data);
    }
    await yieldToLoop();
    const merged = Y.encodeStateAsUpdate(doc);
    await yieldToLoop();
    await store.compactDocument(name, merged, last.seq);
    return loaded.updates.length;
  } finally {
    doc.destroy();
  }
}
