// Schema migrations, tracked in `baton_schema_migrations` (one row per applied step): step i
// (0-based) brings the schema to version i + 1. Steps are only ever appended; an applied step
// is never edited. The steps mirror the SQLite ones, so both backends share version numbers.
import type { Pool, PoolClient } from 'pg';

export interface PgMigration {
  readonly description: string;
  readonly up: (client: PoolClient) => Promise<unknown>;
}

const sql =
  (text: string) =>
  (client: PoolClient): Promise<unknown> =>
    client.query(text);

export const MIGRATIONS: readonly PgMigration[] = [
  {
    description: 'documents, update log, commands, events, users, boards, memberships, settings, locks',
    up: sql(`
      CREATE TABLE documents (
        name text PRIMARY KEY,
        epoch text NOT NULL,
        snapshot bytea,
        -- highest update seq folded into the snapshot (or dropped by a reset)
        compacted_upto bigint NOT NULL DEFAULT 0,
        created_at bigint NOT NULL
      );

      CREATE TABLE updates (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        doc_name text NOT NULL REFERENCES documents(name) ON DELETE CASCADE,
        data bytea NOT NULL
      );
      CREATE INDEX updates_by_doc ON updates (doc_name, seq);

      CREATE TABLE commands (
        command_id text PRIMARY KEY,
        board_id text NOT NULL,
        seq bigint,
        actor text NOT NULL,
        type text NOT NULL,
        at bigint NOT NULL,
        answer text NOT NULL,
        effects text NOT NULL,
        UNIQUE (board_id, seq)
      );

      CREATE TABLE events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        board_id text NOT NULL,
        card_id text,
        type text NOT NULL,
        actor text NOT NULL,
        at bigint NOT NULL,
        data text NOT NULL
      );
      CREATE INDEX events_by_board ON events (board_id, id);
      CREATE INDEX events_by_card ON events (board_id, card_id, id);
      CREATE INDEX events_by_type ON events (board_id, type, at);

      CREATE TABLE users (
        id text PRIMARY KEY,
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        region text NOT NULL,
        manager_id text,
        password_hash text NOT NULL,
        created_at bigint NOT NULL
      );

      CREATE TABLE boards (
        id text PRIMARY KEY,
        name text NOT NULL,
        created_at bigint NOT NULL
      );

      CREATE TABLE memberships (
        board_id text NOT NULL,
        user_id text NOT NULL,
        role text NOT NULL,
        PRIMARY KEY (board_id, user_id)
      );
      CREATE INDEX memberships_by_user ON memberships (user_id, board_id);

      CREATE TABLE settings (
        key text PRIMARY KEY,
        value text NOT NULL
      );

      CREATE TABLE locks (
        name text PRIMARY KEY,
        holder text NOT NULL,
        expires_at bigint NOT NULL
      );
    `),
  },
  {
    description: 'attachments (uploaded files kept in the database)',
    up: sql(`
      CREATE TABLE attachments (
        id text PRIMARY KEY,
        board_id text NOT NULL,
        card_id text NOT NULL,
        kind text NOT NULL,
        name text NOT NULL,
        content_type text NOT NULL,
        size bigint NOT NULL,
        sha256 text NOT NULL,
        uploaded_by text NOT NULL,
        at bigint NOT NULL,
        data bytea NOT NULL
      );
      CREATE INDEX attachments_by_card ON attachments (board_id, card_id, at);
    `),
  },
  {
    description: 'card registry (card id -> board), card ids unique across boards',
    up: sql(`
      CREATE TABLE cards (
        card_id text PRIMARY KEY,
        board_id text NOT NULL
      );
    `),
  },
  {
    description: 'alerts and notifications',
    up: sql(`
      CREATE TABLE alerts (
        key text PRIMARY KEY,
        board_id text NOT NULL,
        card_id text,
        type text NOT NULL,
        at bigint NOT NULL,
        data text NOT NULL,
        webhook_state text NOT NULL,
        webhook_attempts integer NOT NULL DEFAULT 0
      );
      CREATE INDEX alerts_pending_webhooks ON alerts (webhook_state, at);
      CREATE TABLE notifications (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id text NOT NULL,
        alert_key text NOT NULL,
        board_id text NOT NULL,
        card_id text,
        type text NOT NULL,
        at bigint NOT NULL,
        data text NOT NULL,
        read_at bigint
      );
      CREATE INDEX notifications_by_user ON notifications (user_id, id);
    `),
  },
  {
    description: 'directory version, bumped by every change to users and memberships',
    up: sql(`
      CREATE TABLE directory_version (
        id integer PRIMARY KEY CHECK (id = 1),
        version bigint NOT NULL
      );
      INSERT INTO directory_version (id, version) VALUES (1, 1);
      -- search_path is pinned to the schema the function is created in (tests use one schema each).
      CREATE FUNCTION baton_bump_directory_version() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        UPDATE directory_version SET version = version + 1;
        RETURN NULL;
      END $$;
      CREATE TRIGGER users_bump_directory AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
        FOR EACH STATEMENT EXECUTE FUNCTION baton_bump_directory_version();
      CREATE TRIGGER memberships_bump_directory AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON memberships
        FOR EACH STATEMENT EXECUTE FUNCTION baton_bump_directory_version();
    `),
  },
];

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The version recorded in the current schema; 0 when nothing was migrated yet. */
export async function schemaVersion(client: Pick<PoolClient, 'query'>): Promise<number> {
  const table = await client.query<{ t: string | null }>("SELECT to_regclass('baton_schema_migrations')::text AS t");
  if (!table.rows[0]?.t) return 0;
  const result = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM baton_schema_migrations');
  return result.rows[0]?.v ?? 0;
}

/**
 * Applies the steps the schema has not seen yet, each in its own transaction together with its
 * version row, under a transaction-scoped advisory lock keyed on the schema: processes starting
 * together queue on the lock, and each re-reads the version after getting it, so no step is ever
 * applied twice, and a failing step leaves the previous version intact (DDL is transactional).
 * `schema` (if given) is created when missing; the pool's search_path must point at it.
 * `steps` is a parameter only so tests can exercise failing or non-idempotent steps.
 */
export async function runMigrations(pool: Pool, schema: string | null, steps: readonly PgMigration[] = MIGRATIONS): Promise<number> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    for (;;) {
      try {
        await client.query('BEGIN');
        await client.query("SELECT pg_advisory_xact_lock(hashtextextended('baton.migrations:' || coalesce($1, current_schema(), ''), 0))", [schema]);
        if (schema !== null) {
          // Checked first: CREATE SCHEMA IF NOT EXISTS needs the CREATE privilege even when it exists.
          const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
          if (exists.rowCount === 0) await client.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
        }
        await client.query(`CREATE TABLE IF NOT EXISTS baton_schema_migrations (
          version integer PRIMARY KEY,
          description text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now()
        )`);
        const current = await schemaVersion(client);
        if (current > steps.length) {
          throw new Error(`database schema version ${current} is newer than this build knows (${steps.length}); refusing to open it`);
        }
        const step = steps[current];
        if (!step) {
          await client.query('COMMIT');
          return current;
        }
        await step.up(client);
        await client.query('INSERT INTO baton_schema_migrations (version, description) VALUES ($1, $2)', [current + 1, step.description]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw error;
      }
    }
  } finally {
    client.release(broken);
  }
}
