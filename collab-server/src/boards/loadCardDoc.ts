import type { Store } from '@baton/persistence';
import type { DocName } from '@baton/shared-types';
import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import { fillPack, fillPlan } from '../handoff/templates';
import { captureUpdates } from './capture';
import type { DocAccess } from './docAccess';
import { applyStoredUpdates, storedUpdates } from './quietLoad';

/**
 * Loads a card document (pack, review, plan) from the store. A card whose handoff exists but
 * whose pack or plan lacks its template (the server stopped between the two) gets it now,
 * before any client syncs.
 */
export async function loadCardDocument(store: Store, docs: DocAccess, doc: Y.Doc, name: string, parsed: Extract<DocName, { cardId: string }>) {
  const boardId = await store.boardOfCard(parsed.cardId);
  if (!boardId) throw new Error(`No card ${parsed.cardId}`);
  await store.ensureDocument(name, randomUUID);
  applyStoredUpdates(doc, storedUpdates(await store.loadDocument(name)));
  if (parsed.kind === 'review') return;
  const card = await docs.readCard(boardId, parsed.cardId);
  if (!card?.handoff) return;
  const updates = captureUpdates(doc, () => (parsed.kind === 'pack' ? fillPack(doc, card) : fillPlan(doc)));
  for (const u of updates) await store.appendUpdate(name, u);
}
