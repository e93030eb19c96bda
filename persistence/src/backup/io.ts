// What a backend offers for backup and restore. Both backends implement it over their own
// tables, which mirror each other (same names, same columns), so a backup taken from one
// restores into the other.

/** A column value as backed up: integers, text, bytes or null. */
export type BackupValue = number | string | Uint8Array | null;
export type BackupRow = Record<string, BackupValue>;

export type BackupItem =
  /** A document, its snapshot and update log merged into one Yjs update. */
  | { kind: 'document'; name: string; epoch: string; state: Uint8Array }
  /** Some rows of a table, as stored (ids and sequence numbers included). */
  | { kind: 'rows'; table: string; rows: BackupRow[] };

/**
 * The store's own bookkeeping, which is neither content (a store holding only these is empty)
 * nor wiped: the directory version, which triggers bump whenever users or memberships change
 * (a wipe and a restore included, so a cached directory never outlives them).
 */
export const BOOKKEEPING = new Set(['directory_version', 'baton_schema_migrations']);

/** Tables whose rows say nothing about what a store holds (leases of running processes, bookkeeping): row counts leave them out. */
export const NOT_CONTENT = new Set(['locks', ...BOOKKEEPING]);

/**
 * Tables a backup never holds: the update log (folded into each document's state), locks
 * (leases of running processes) and the store's bookkeeping (the backup records the schema
 * version instead). Every other table is backed up, including ones added after this was written.
 */
export const NOT_BACKED_UP = new Set(['documents', 'updates', ...NOT_CONTENT]);

export interface BackupIO {
  readonly kind: string;
  /** The schema version of the store (its number of applied migrations). */
  schemaVersion(): Promise<number>;
  /**
   * Reads every document and every backed-up table from one consistent snapshot of the store
   * (a read transaction, so servers may keep writing meanwhile) and hands it to `visit` piece by
   * piece, awaiting each call (so a slow writer holds the reading back, not memory).
   */
  read(visit: (item: BackupItem) => Promise<void>): Promise<void>;
  /** Rows per table, for every table that holds data (documents and their updates included, locks not). */
  counts(): Promise<Record<string, number>>;
  /** Deletes every row of every table (restore --force), in one transaction. */
  wipe(): Promise<void>;
  /** Inserts rows into a table exactly as they were backed up (ids kept), in one transaction. */
  writeRows(table: string, rows: readonly BackupRow[]): Promise<void>;
  /** After the last rows: moves id sequences past the restored ids. */
  finishRestore(): Promise<void>;
}

export interface BackupCapable {
  backupIO(): BackupIO;
}

export const hasBackupIO = (store: object): store is BackupCapable => typeof (store as Partial<BackupCapable>).backupIO === 'function';

/** Rows per page when reading a table: fewer for tables with binary columns (attachments of up to 10 MB). */
export const pageSize = (hasBytes: boolean) => (hasBytes ? 8 : 500);
