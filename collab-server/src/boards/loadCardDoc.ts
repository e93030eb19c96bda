import type { Store } from '@baton/persistence';
import type { DocName } from '@baton/shared-types';
import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import { takeLease } from '../commands/boardLock';
import { fillPack, fillPlan, lacksTemplate } from '../handoff/templates';
import { captureUpdates } from './capture';
import type { DocAccess } from './docAccess';
import { readStoredLog } from './storedLog';

/**
 * Loads a card document (pack, review, plan) from the store. A card whose handoff exists but
 * whose pack or plan lacks its template (just created, or the server stopped between the two)
 * gets it now, before any client syncs, under a store lock: two processes loading the same
 * document at once must not both write one (the second finds the first's in the log).
 */
export async function loadCardDocument(store: Store, docs: DocAccess, doc: Y.Doc, name: string, parsed: Extract<DocName, { cardId: string }>) {
  const boardId = await store.boardOfCard(parsed.cardId);
  if (!boardId) throw new Error(`No card ${parsed.cardId}`);
  await store.ensureDocument(name, randomUUID);
  await readStoredLog(store, doc, name);
  if (parsed.kind === 'review' || !lacksTemplate(parsed.kind, doc)) return;
  const card = await docs.readCard(boardId, parsed.cardId);
  if (!card?.handoff) return;
  const lockName = `template:${name}`;
  const holder = await takeLease(store, lockName);
  try {
    await readStoredLog(store, doc, name);
    const updates = captureUpdates(doc, () => (parsed.kind === 'pack' ? fillPack(doc, card) : fillPlan(doc)));
    for (const u of updates) await store.appendUpdate(name, u);
  } finally {
    await store.releaseLock(lockName, holder);
  }
}
