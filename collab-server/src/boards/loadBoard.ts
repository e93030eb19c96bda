import type { BoardRecord, Store, StoredCommand } from '@baton/persistence';
import { boardDocName } from '@baton/shared-types';
import { applyEffects, appliedSeqOf, readMeta } from '@baton/shared-types/ydoc';
import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import { captureUpdates } from './capture';
import { boardLeaseName, takeBoardLease } from '../commands/boardLock';
import { serverOrigin } from './origins';
import { readStoredLog } from './storedLog';

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
  await readStoredLog(store, doc, name);
  const missing = await store.listAppliedCommands(boardId, appliedSeqOf(doc));
  if (missing.length === 0) return finishLoad(store, doc, board, epoch, missing);
  // Another process may be between committing a command and appending its update: wait for its
  // command lease (it appends before releasing it; a dead holder's lease expires), read the log
  // again, and repair only what is still missing. Re-applying a command whose update then
  // arrives would create its card a second time, as another object (see StoreLeaseLock).
  const lease = await takeBoardLease(store, boardId);
  try {
    await readStoredLog(store, doc, name);
    return await finishLoad(store, doc, board, epoch, await store.listAppliedCommands(boardId, appliedSeqOf(doc)));
  } finally {
    await store.releaseLock(boardLeaseName(boardId), lease);
  }
}

/** Re-applies the committed effects still missing, fixes `meta`, and stores both. */
async function finishLoad(store: Store, doc: Y.Doc, board: BoardRecord, epoch: string, missing: StoredCommand[]): Promise<LoadReport> {
  const name = boardDocName(board.id);
  const finalEpoch = missing.length > 0 ? randomUUID() : epoch;
  const meta = readMeta(doc);
  const fixes: Record<string, string> = {};
  if (meta.epoch !== finalEpoch) fixes.epoch = finalEpoch;
  if (meta.boardId !== board.id) fixes.boardId = board.id;
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
