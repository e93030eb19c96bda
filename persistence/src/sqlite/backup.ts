// Backup and restore for the SQLite file (see ../backup/io.ts). Reads go through a second,
// read-only connection inside one read transaction: a consistent snapshot while the server
// keeps writing (WAL).
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { mergeDocument } from '../backup';
import { BOOKKEEPING, NOT_BACKED_UP, NOT_CONTENT, pageSize, type BackupIO, type BackupItem, type BackupRow, type BackupValue } from '../backup/io';
import { blobToBytes, rowId } from './codec';
import { schemaVersion } from './migrations';

interface TableInfo {
  name: string;
  columns: string[];
  hasBytes: boolean;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function tables(db: Db): TableInfo[] {
  const names = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all()
    .map((r) => r.name);
  return names.map((name) => {
    const cols = db.prepare<[], { name: string; type: string }>(`PRAGMA table_info(${quote(name)})`).all();
    return { name, columns: cols.map((c) => c.name), hasBytes: cols.some((c) => c.type.toUpperCase() === 'BLOB') };
  });
}

function toValue(value: unknown): BackupValue {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return rowId(value);
  if (value instanceof Uint8Array) return new Uint8Array(blobToBytes(value));
  throw new Error(`unexpected SQLite value of type ${typeof value}`);
}

export class SqliteBackupIO implements BackupIO {
  readonly kind = 'sqlite';

  constructor(private readonly db: Db) {}

  async schemaVersion(): Promise<number> {
    return schemaVersion(this.db);
  }

  async read(visit: (item: BackupItem) => Promise<void>): Promise<void> {
    const reader = new Database(this.db.name, { readonly: true, fileMustExist: true });
    try {
      reader.exec('BEGIN');
      // The first read fixes the snapshot every later read sees.
      const docs = reader.prepare<[], { name: string }>('SELECT name FROM documents ORDER BY name').all();
      const oneDoc = reader.prepare<[string], { epoch: string; snapshot: Uint8Array | null; compacted_upto: number }>(
        'SELECT epoch, snapshot, compacted_upto FROM documents WHERE name = ?',
      );
      const docUpdates = reader.prepare<[string, number], { data: Uint8Array }>('SELECT data FROM updates WHERE doc_name = ? AND seq > ? ORDER BY seq');
      for (const { name } of docs) {
        const doc = oneDoc.get(name);
        if (!doc) continue;
        const updates = docUpdates.all(name, doc.compacted_upto).map((u) => blobToBytes(u.data));
        await visit({ kind: 'document', name, epoch: doc.epoch, state: mergeDocument(doc.snapshot ? blobToBytes(doc.snapshot) : null, updates) });
      }
      for (const table of tables(reader)) {
        if (NOT_BACKED_UP.has(table.name)) continue;
        const page = reader.prepare<[number, number], Record<string, unknown> & { _rowid: number }>(
          `SELECT rowid AS _rowid, ${table.columns.map(quote).join(', ')} FROM ${quote(table.name)} WHERE rowid > ? ORDER BY rowid LIMIT ?`,
        );
        let after = Number.MIN_SAFE_INTEGER;
        for (;;) {
          const rows = page.all(after, pageSize(table.hasBytes));
          if (rows.length === 0) break;
          after = rows.at(-1)!._rowid;
          const out: BackupRow[] = rows.map((row) => Object.fromEntries(table.columns.map((c) => [c, toValue(row[c])])));
          await visit({ kind: 'rows', table: table.name, rows: out });
        }
      }
      reader.exec('COMMIT');
    } finally {
      reader.close();
    }
  }

  async counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const t of tables(this.db)) {
      if (NOT_CONTENT.has(t.name)) continue;
      const n = this.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${quote(t.name)}`).get()?.n ?? 0;
      if (n > 0) out[t.name] = n;
    }
    return out;
  }

  async wipe(): Promise<void> {
    const all = tables(this.db);
    this.db.transaction(() => {
      for (const t of all) if (!BOOKKEEPING.has(t.name)) this.db.prepare(`DELETE FROM ${quote(t.name)}`).run();
      const seq = this.db.prepare<[], { n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_sequence'").get();
      if ((seq?.n ?? 0) > 0) this.db.prepare('DELETE FROM sqlite_sequence').run();
    }).immediate();
  }

  async writeRows(table: string, rows: readonly BackupRow[]): Promise<void> {
    if (rows.length === 0) return;
    const info = tables(this.db).find((t) => t.name === table);
    if (!info || NOT_BACKED_UP.has(table)) throw new Error(`the backup has rows for table "${table}", which this store does not restore`);
    const columns = Object.keys(rows[0]!);
    const unknown = columns.filter((c) => !info.columns.includes(c));
    if (unknown.length > 0) throw new Error(`the backup has columns ${unknown.join(', ')} that table "${table}" lacks`);
    const insert = this.db.prepare(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    this.db.transaction(() => {
      for (const row of rows) insert.run(...columns.map((c) => row[c] ?? null));
    }).immediate();
  }

  async finishRestore(): Promise<void> {
    // AUTOINCREMENT counters already moved past the explicit ids inserted.
  }
}
