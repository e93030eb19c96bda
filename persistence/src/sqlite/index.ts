import Database from 'better-sqlite3';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { runMigrations } from './migrations';
import { SqliteStore } from './SqliteStore';

export { SqliteStore } from './SqliteStore';
export { MIGRATIONS, runMigrations, schemaVersion } from './migrations';
export type { Migration } from './migrations';

/**
 * Opens (creating if needed) the SQLite file, configures the connection for durability and
 * concurrent readers, and brings the schema up to date.
 */
export async function openSqliteStore(filePath: string): Promise<SqliteStore> {
  await mkdir(dirname(filePath), { recursive: true });
  const db = new Database(filePath);
  try {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') throw new Error(`could not switch ${filePath} to WAL (journal_mode is ${String(mode)})`);
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    runMigrations(db);
    return new SqliteStore(db);
  } catch (error) {
    db.close();
    throw error;
  }
}
