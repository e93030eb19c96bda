// Helpers for tests against a real PostgreSQL server: reachability, fresh schemas, raw access.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { openPostgresStore, redactUrl } from '../postgres';
import type { PostgresStore } from '../postgres';

export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const SAFE_URL = redactUrl(DATABASE_URL);

/** Null when the server answers, else why not. */
export async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const freshSchemaName = () => `baton_test_${randomBytes(6).toString('hex')}`;

/** Raw connections (another process, or an operator), optionally with search_path set to `schema`. */
export function rawPool(schema?: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: DATABASE_URL,
    max: 4,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  pool.on('error', () => undefined);
  return pool;
}

export async function dropSchema(schema: string): Promise<void> {
  const pool = rawPool();
  try {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await pool.end();
  }
}

/**
 * A `describe` that runs when the server answers. Otherwise: with CI=true, a failing test that says
 * why (CI must exercise this backend) and the suite skipped; elsewhere, the suite skipped
 * (`describe.skip`) with a printed reason.
 */
export async function postgresDescribe(label: string): Promise<ReturnType<typeof describe.skipIf>> {
  const unreachable = await probePostgres();
  if (unreachable === null) return describe.skipIf(false);
  const why = `PostgreSQL at ${SAFE_URL} is unreachable (${unreachable})`;
  if (process.env.CI === 'true') {
    describe(label, () => {
      it('needs a reachable PostgreSQL server (CI=true)', () => {
        throw new Error(`${why}. Start it (pg_ctlcluster --skip-systemctl-redirect <version> main start) or set DATABASE_URL.`);
      });
    });
  } else {
    console.warn(`[persistence] skipping ${label}: ${why}. Set DATABASE_URL or start PostgreSQL to run it.`);
  }
  return describe.skipIf(true);
}

/** One test's fresh schema, the stores and raw pools opened on it, and their cleanup. */
export class Sandbox {
  readonly schema = freshSchemaName();
  private readonly closers: Array<() => Promise<unknown>> = [];

  async open(options: { poolSize?: number } = {}): Promise<PostgresStore> {
    const store = await openPostgresStore(DATABASE_URL, { schema: this.schema, poolSize: options.poolSize ?? 4 });
    this.closers.push(() => store.close());
    return store;
  }

  /** A raw pool on the schema (what another process, or an operator, sees). */
  raw(): pg.Pool {
    const pool = rawPool(this.schema);
    this.closers.push(() => pool.end());
    return pool;
  }

  /** Closes everything (a failing close does not keep the schema from being dropped), then drops the schema. */
  async cleanup(): Promise<void> {
    const failures: unknown[] = [];
    for (const close of this.closers.splice(0).reverse()) await close().catch((error: unknown) => failures.push(error));
    await dropSchema(this.schema);
    if (failures.length > 0) throw new AggregateError(failures, 'closing the sandbox failed');
  }

  /** Resolves once some session runs a statement matching `queryLike` and waits on `waitEventType` ('Timeout' for pg_sleep, 'Lock'). */
  async waitForSession(queryLike: string, waitEventType: string, orUntil: () => boolean = () => false): Promise<void> {
    const pool = this.raw();
    const deadline = Date.now() + 5000;
    for (;;) {
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE $1 AND wait_event_type = $2`,
        [queryLike, waitEventType],
      );
      if ((rows[0]?.n ?? 0) > 0 || orUntil()) return;
      if (Date.now() > deadline) throw new Error(`no session ran "${queryLike}" waiting on ${waitEventType} within 5 s`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
