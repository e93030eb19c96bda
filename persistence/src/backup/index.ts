// Backup and restore of a whole store, through the backend's BackupIO (see io.ts) and the
// Store interface. A backup is one consistent snapshot of every table, documents merged; a
// restore fills an EMPTY store (or one it wipes first, when forced) and gives every document
// a new epoch, so browsers drop their cached copies instead of merging stale history back.
import * as Y from 'yjs';
import type { Store } from '../Store';
import { BackupWriter, openBackup, type BackupSummary } from './format';
import type { BackupCapable, BackupItem } from './io';

export { BACKUP_FORMAT, BACKUP_VERSION, BackupWriter, openBackup } from './format';
export type { BackupHeader, BackupReader, BackupSummary } from './format';
export { hasBackupIO, NOT_BACKED_UP } from './io';
export type { BackupCapable, BackupIO, BackupItem, BackupRow, BackupValue } from './io';

export type BackupStore = Store & BackupCapable;

/** Writes a backup of `store` to `file` (a new file; `.gz` compresses it). */
export async function backupStore(store: BackupStore, file: string): Promise<BackupSummary & { bytes: number; schema: number }> {
  const io = store.backupIO();
  const schema = await io.schemaVersion();
  const writer = BackupWriter.open(file);
  try {
    await writer.header({ schema, source: io.kind, createdAt: new Date().toISOString() });
    await io.read((item) => writer.item(item));
    return { ...(await writer.end()), schema };
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

export interface RestoreOptions {
  /** Wipe a store that holds data instead of refusing. */
  force?: boolean;
  /** The new epoch of each restored document. */
  newEpoch: () => string;
  /** A last change to a document's state before it is stored (e.g. writing the new epoch into it). */
  prepareDocument?: (name: string, state: Uint8Array, epoch: string) => Uint8Array;
}

export interface RestoreReport extends BackupSummary {
  /** The backend and schema version the backup came from. */
  source: string;
  schema: number;
  /** Every restored document with its old and new epoch. */
  epochs: Array<{ name: string; before: string; after: string }>;
  wiped: boolean;
}

export class RestoreRefused extends Error {}

/** Restores `file` into `store`. Reads the file twice: first to check it is complete and intact, then to write. */
export async function restoreStore(store: BackupStore, file: string, options: RestoreOptions): Promise<RestoreReport> {
  const io = store.backupIO();
  const check = await openBackup(file);
  const schema = await io.schemaVersion();
  if (check.header.schema > schema) {
    throw new RestoreRefused(`${file} comes from a newer schema (version ${check.header.schema}) than this store (${schema}); restore it with a newer build`);
  }
  const it = check.items();
  let r = await it.next();
  while (!r.done) r = await it.next();

  const counts = await io.counts();
  const holding = Object.entries(counts).filter(([, n]) => n > 0);
  if (holding.length > 0 && !options.force) {
    throw new RestoreRefused(
      `the target store is not empty (${holding.map(([t, n]) => `${t}: ${n}`).join(', ')}); restore into an empty store, or pass --force to wipe it first`,
    );
  }
  const wiped = holding.length > 0;
  if (wiped) await io.wipe();

  const backup = await openBackup(file);
  const epochs: RestoreReport['epochs'] = [];
  const items = backup.items();
  for (;;) {
    const next = await items.next();
    if (next.done) {
      await io.finishRestore();
      return { ...next.value, source: backup.header.source, schema: backup.header.schema, epochs, wiped };
    }
    const item: BackupItem = next.value;
    if (item.kind === 'rows') {
      await io.writeRows(item.table, item.rows);
      continue;
    }
    let epoch = options.newEpoch();
    while (epoch === item.epoch) epoch = options.newEpoch();
    const state = options.prepareDocument ? options.prepareDocument(item.name, item.state, epoch) : item.state;
    await store.ensureDocument(item.name, () => epoch);
    await store.resetDocument(item.name, state, epoch);
    epochs.push({ name: item.name, before: item.epoch, after: epoch });
  }
}

/** A document's snapshot and update log as one update (nothing dropped, unlike a garbage-collecting merge). */
export function mergeDocument(snapshot: Uint8Array | null, updates: readonly Uint8Array[]): Uint8Array {
  const all = snapshot ? [snapshot, ...updates] : [...updates];
  if (all.length === 0) return Y.encodeStateAsUpdate(new Y.Doc());
  return all.length === 1 ? all[0]! : Y.mergeUpdates(all);
}
