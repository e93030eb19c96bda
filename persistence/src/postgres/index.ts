import pg from 'pg';
import { Db } from './db';
import { runMigrations } from './migrations';
import { PostgresStore } from './PostgresStore';

export { PostgresStore } from './PostgresStore';
export { MIGRATIONS, runMigrations, schemaVersion } from './migrations';
export type { PgMigration } from './migrations';

export interface PostgresStoreOptions {
  /** Schema for Baton's tables, created if missing; every pooled connection's search_path is set to it. */
  schema?: string;
  /** Most connections the store's pool opens (default 10). */
  poolSize?: number;
}

/** Lower-case, unquoted-safe identifiers only: they go into a connection option and into DDL. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}

/**
 * Connects a pool to `url` (e.g. `postgres://user@host:5432/db`), brings the schema up to date
 * and returns the store. Safe to call from several processes at once.
 */
export async function openPostgresStore(url: string, opts: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const schema = opts.schema ?? null;
  if (schema !== null && !SCHEMA_NAME.test(schema)) {
    throw new Error(`invalid schema name "${schema}": use lower-case letters, digits and _ (at most 63, not starting with a digit)`);
  }
  const poolSize = opts.poolSize ?? 10;
  if (!Number.isSafeInteger(poolSize) || poolSize < 1) throw new Error(`poolSize must be a positive integer, got ${poolSize}`);

  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    application_name: 'baton',
    ...(schema === null ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle pooled connection that dies (server restart, network) must not crash the process:
  // the pool drops it and the next query opens a new one.
  pool.on('error', (error) => console.warn(`[persistence] idle PostgreSQL connection lost: ${error.message}`));
  try {
    if (schema !== null) {
      // Options in the URL win over ours; refuse to migrate into some other schema.
      const { rows } = await pool.query<{ path: string }>("SELECT current_setting('search_path') AS path");
      const path = rows[0]?.path;
      if (path !== schema) throw new Error(`search_path is "${path}", not "${schema}" (does ${redactUrl(url)} set options?)`);
    }
    await runMigrations(pool, schema);
    return new PostgresStore(new Db(pool, `${redactUrl(url)}${schema === null ? '' : ` schema ${schema}`}`), schema);
  } catch (error) {
    await pool.end();
    throw error;
  }
}
