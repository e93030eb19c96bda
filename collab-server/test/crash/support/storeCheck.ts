/**
 * Reads what a store holds, without a server and without writing: the board document as the
 * server would load it (snapshot, update log, then committed command effects the log lacks),
 * and a card document. Throws if a document cannot be rebuilt (an update whose history is
 * missing stays pending in Yjs instead of applying).
 */
import type { Store } from '@baton/persistence';
import { boardDocName } from '@baton/shared-types';
import { applyEffects, appliedSeqOf } from '@baton/shared-types/ydoc';
import * as Y from 'yjs';

export interface StoredDoc {
  doc: Y.Doc;
  /** Some stored updates could not be applied: they build on history the store does not have. */
  broken: boolean;
}

export async function loadStoredDoc(store: Store, name: string): Promise<StoredDoc> {
  const loaded = await store.loadDocument(name);
  if (!loaded) throw new Error(`the store has no document ${name}`);
  const doc = new Y.Doc();
  if (loaded.snapshot) Y.applyUpdate(doc, loaded.snapshot);
  for (const u of loaded.updates) Y.applyUpdate(doc, u.data);
  return { doc, broken: doc.store.pendingStructs !== null || doc.store.pendingDs !== null };
}

/** The board document as the next load would see it; `repaired` = committed effects missing from its log. */
export async function loadStoredBoard(store: Store, boardId: string): Promise<StoredDoc & { repaired: number }> {
  const stored = await loadStoredDoc(store, boardDocName(boardId));
  const missing = await store.listAppliedCommands(boardId, appliedSeqOf(stored.doc));
  for (const c of missing) applyEffects(stored.doc, c.effects, c.seq ?? 0);
  return { ...stored, repaired: missing.length };
}

/** How many `card.created` events each title has on the board. */
export async function createdTitles(store: Store, boardId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let afterId = 0;
  for (;;) {
    const page = await store.listEvents({ boardId, types: ['card.created'], afterId, limit: 5000 });
    for (const e of page) {
      const title = (e.data.card as { title?: string } | undefined)?.title ?? '';
      counts.set(title, (counts.get(title) ?? 0) + 1);
    }
    if (page.length < 5000) return counts;
    afterId = page.at(-1)!.id;
  }
}
