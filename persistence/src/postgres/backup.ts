// Backup and restore for PostgreSQL (see ../backup/io.ts). Reads run in one REPEATABLE READ,
// READ ONLY transaction with cursors: a consistent snapshot while servers keep writing.
import { mergeDocument } from '../backup';
import { BOOKKEEPING, NOT_BACKED_UP, NOT_CONTENT, pageSize, type BackupIO, type BackupItem, type BackupRow, type BackupValue } from '../backup/io';
import { toBytes, toInt } from './codec';
import type { Db, Executor } from './db';

interface TableInfo {
  name: string;
  columns: Array<{ name: string; type: string; identity: boolean }>;
  hasBytes: boolean;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function tables(ex: Executor): Promise<TableInfo[]> {
  const rows = await ex.rows<{ table_name: string; column_name: string; data_type: string; is_identity: string }>(
    `SELECT c.table_name, c.column_name, c.data_type, c.is_identity
     FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
     ORDER BY c.table_name, c.ordinal_position`,
  );
  const out = new Map<string, TableInfo>();
  for (const r of rows) {
    const t = out.get(r.table_name) ?? { name: r.table_name, columns: [], hasBytes: false };
    t.columns.push({ name: r.column_name, type: r.data_type, identity: r.is_identity === 'YES' });
    if (r.data_type === 'bytea') t.hasBytes = true;
    out.set(r.table_name, t);
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function toValue(value: unknown, type: string, where: string): BackupValue {
  if (value === null || value === undefined) return null;
  if (type === 'bigint' || type === 'integer' || type === 'smallint') return toInt(value, where);
  if (type === 'bytea') return toBytes(value);
  if (typeof value === 'string') return value;
  throw new Error(`${where}: a ${type} column cannot be backed up`);
}

export class PostgresBackupIO implements BackupIO {
  readonly kind = 'postgres';

  constructor(private readonly db: Db) {}

  async schemaVersion(): Promise<number> {
    const [row] = await this.db.rows<{ v: number | null }>('SELECT max(version) AS v FROM baton_schema_migrations');
    return row?.v ?? 0;
  }

  async read(visit: (item: BackupItem) => Promise<void>): Promise<void> {
    await this.db.transaction(
      async (tx) => {
        const docs = await tx.rows<{ name: string }>('SELECT name FROM documents ORDER BY name');
        for (const { name } of docs) {
          const [doc] = await tx.rows<{ epoch: string; snapshot: Uint8Array | null; compacted_upto: string }>(
            'SELECT epoch, snapshot, compacted_upto FROM documents WHERE name = $1',
            [name],
          );
          if (!doc) continue;
          const updates = await tx.rows<{ data: Uint8Array }>('SELECT data FROM updates WHERE doc_name = $1 AND seq > $2 ORDER BY seq', [name, doc.compacted_upto]);
          const state = mergeDocument(doc.snapshot ? toBytes(doc.snapshot) : null, updates.map((u) => toBytes(u.data)));
          await visit({ kind: 'document', name, epoch: doc.epoch, state });
        }
        for (const table of await tables(tx)) {
          if (NOT_BACKED_UP.has(table.name)) continue;
          await tx.run(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT ${table.columns.map((c) => quote(c.name)).join(', ')} FROM ${quote(table.name)}`);
          for (;;) {
            const rows = await tx.rows<Record<string, unknown>>(`FETCH ${pageSize(table.hasBytes)} FROM backup_rows`);
            if (rows.length === 0) break;
            const out: BackupRow[] = rows.map((row) =>
              Object.fromEntries(table.columns.map((c) => [c.name, toValue(row[c.name], c.type, `${table.name}.${c.name}`)])),
            );
            await visit({ kind: 'rows', table: table.name, rows: out });
          }
          await tx.run('CLOSE backup_rows');
        }
      },
      { isolation: 'REPEATABLE READ', readOnly: true },
    );
  }

  async counts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const t of await tables(this.db)) {
      if (NOT_CONTENT.has(t.name)) continue;
      const [row] = await this.db.rows<{ n: string }>(`SELECT count(*) AS n FROM ${quote(t.name)}`);
      const n = toInt(row?.n ?? '0', 'row count');
      if (n > 0) out[t.name] = n;
    }
    return out;
  }

  async wipe(): Promise<void> {
    const names = (await tables(this.db)).map((t) => t.name).filter((n) => !BOOKKEEPING.has(n));
    if (names.length > 0) await this.db.run(`TRUNCATE ${names.map(quote).join(', ')} RESTART IDENTITY`);
  }

  async writeRows(table: string, rows: readonly BackupRow[]): Promise<void> {
    if (rows.length === 0) return;
    const info = (await tables(this.db)).find((t) => t.name === table);
    if (!info || NOT_BACKED_UP.has(table)) throw new Error(`the backup has rows for table "${table}", which this store does not restore`);
    const columns = Object.keys(rows[0]!);
    const unknown = columns.filter((c) => !info.columns.some((col) => col.name === c));
    if (unknown.length > 0) throw new Error(`the backup has columns ${unknown.join(', ')} that table "${table}" lacks`);
    const perStatement = Math.max(1, Math.floor(30_000 / columns.length));
    await this.db.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += perStatement) {
        const chunk = rows.slice(i, i + perStatement);
        const params: unknown[] = [];
        const tuples = chunk.map((row) => {
          const refs = columns.map((c) => {
            const v = row[c] ?? null;
            params.push(v instanceof Uint8Array ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v);
            return `$${params.length}`;
          });
          return `(${refs.join(', ')})`;
        });
        await tx.run(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) OVERRIDING SYSTEM VALUE VALUES ${tuples.join(', ')}`, params);
      }
    });
  }

  async finishRestore(): Promise<void> {
    for (const t of await tables(this.db)) {
      for (const c of t.columns.filter((col) => col.identity)) {
        await this.db.rows(
          `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(${quote(c.name)}) FROM ${quote(t.name)}), 1), (SELECT max(${quote(c.name)}) FROM ${quote(t.name)}) IS NOT NULL)`,
          [quote(t.name), c.name],
        );
      }
    }
  }
}
