import type { Store } from '@baton/persistence';
import { boardDocName } from '@baton/shared-types';
import { applyEffects, readMeta } from '@baton/shared-types/ydoc';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { captureUpdates } from './capture';
import { serverOrigin } from './origins';

export interface LoadReport {
  epoch: string;
  /** Committed commands whose effect was missing from the stored document and re-applied. */
  repaired: number;
}

/**
 * Loads a board document from the store into `doc`: snapshot, then the update log, then any
 * committed command effects the log lacks (a crash after commit and before the update was
 * appended). A repaired document gets a new epoch, so browsers drop caches that may hold
 * the lost update and reload from the server instead of merging stale history back.
 */
export async function loadBoardDocument(store: Store, doc: Y.Doc, boardId: string): Promise<LoadReport> {
  const name = boardDocName(boardId);
  const board = await store.getBoard(boardId);
  if (!board) throw new Error(`Board '${boardId}' does not exist`);
  const { epoch } = await store.ensureDocument(name, randomUUID);
  const loaded = await store.loadDocument(name);
  doc.transact(() => {
    if (loaded?.snapshot) Y.applyUpdate(doc, loaded.snapshot);
    for (const u of loaded?.updates ?? []) Y.applyUpdate(doc, u.data);
  }, serverOrigin('load'));

  const missing = await store.listAppliedCommands(boardId, readMeta(doc).appliedSeq);
  const finalEpoch = missing.length > 0 ? randomUUID() : epoch;
  const meta = readMeta(doc);
  const fixes: Record<string, string> = {};
  if (meta.epoch !== finalEpoch) fixes.epoch = finalEpoch;
  if (meta.boardId !== boardId) fixes.boardId = boardId;
  if (meta.name !== board.name) fixes.name = board.name;

  const updates = captureUpdates(doc, () => {
    for (const c of missing) applyEffects(doc, c.effects, c.seq ?? 0, serverOrigin('repair', c.commandId));
    if (Object.keys(fixes).length > 0) applyEffects(doc, [{ op: 'setMeta', fields: fixes }], 0, serverOrigin('load'));
  });
  // Appended, never a reset of the history: another process may be appending to this document
  // meanwhile, and a reset would delete its updates that this load did not see.
  for (const u of updates) await store.appendUpdate(name, u);
  if (missing.length > 0) await store.setEpoch(name, finalEpoch);
  return { epoch: finalEpoch, repaired: missing.length };
}
