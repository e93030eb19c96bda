// Schema migrations, tracked with `PRAGMA user_version`: step i (0-based) brings the schema
// to version i + 1. Steps are only ever appended; an applied step is never edited.
import type { Database } from 'better-sqlite3';

export interface Migration {
  readonly description: string;
  readonly up: (db: Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    description: 'documents, update log, commands, events, users, boards, memberships, settings, locks',
    up: (db) =>
      db.exec(`
        CREATE TABLE documents (
          name TEXT PRIMARY KEY,
          epoch TEXT NOT NULL,
          snapshot BLOB,
          -- highest update seq folded into the snapshot (or dropped by a reset)
          compacted_upto INTEGER NOT NULL DEFAULT 0,
          created_at INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE updates (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          doc_name TEXT NOT NULL REFERENCES documents(name) ON DELETE CASCADE,
          data BLOB NOT NULL
        ) STRICT;
        CREATE INDEX updates_by_doc ON updates (doc_name, seq);

        CREATE TABLE commands (
          command_id TEXT PRIMARY KEY,
          board_id TEXT NOT NULL,
          seq INTEGER,
          actor TEXT NOT NULL,
          type TEXT NOT NULL,
          at INTEGER NOT NULL,
          answer TEXT NOT NULL,
          effects TEXT NOT NULL,
          UNIQUE (board_id, seq)
        ) STRICT;

        CREATE TABLE events (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          board_id TEXT NOT NULL,
          card_id TEXT,
          type TEXT NOT NULL,
          actor TEXT NOT NULL,
          at INTEGER NOT NULL,
          data TEXT NOT NULL
        ) STRICT;
        CREATE INDEX events_by_board ON events (board_id, id);
        CREATE INDEX events_by_card ON events (board_id, card_id, id);
        CREATE INDEX events_by_type ON events (board_id, type, at);

        CREATE TABLE users (
          id TEXT PRIMARY KEY,
          username TEXT NOT NULL UNIQUE,
          display_name TEXT NOT NULL,
          region TEXT NOT NULL,
          manager_id TEXT,
          password_hash TEXT NOT NULL,
          created_at INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE boards (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          created_at INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE memberships (
          board_id TEXT NOT NULL,
          user_id TEXT NOT NULL,
          role TEXT NOT NULL,
          PRIMARY KEY (board_id, user_id)
        ) STRICT;
        CREATE INDEX memberships_by_user ON memberships (user_id, board_id);

        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;

        CREATE TABLE locks (
          name TEXT PRIMARY KEY,
          holder TEXT NOT NULL,
          expires_at INTEGER NOT NULL
        ) STRICT;
      `),
  },
  {
    description: 'attachments (uploaded files kept in the database)',
    up: (db) =>
      db.exec(`
        CREATE TABLE attachments (
          id TEXT PRIMARY KEY,
          board_id TEXT NOT NULL,
          card_id TEXT NOT NULL,
          kind TEXT NOT NULL,
          name TEXT NOT NULL,
          content_type TEXT NOT NULL,
          size INTEGER NOT NULL,
          sha256 TEXT NOT NULL,
          uploaded_by TEXT NOT NULL,
          at INTEGER NOT NULL,
          data BLOB NOT NULL
        ) STRICT;
        CREATE INDEX attachments_by_card ON attachments (board_id, card_id, at);
      `),
  },
  {
    description: 'card registry (card id -> board), card ids unique across boards',
    up: (db) =>
      db.exec(`
        CREATE TABLE cards (
          card_id TEXT PRIMARY KEY,
          board_id TEXT NOT NULL
        ) STRICT;
      `),
  },
  {
    description: 'alerts and notifications',
    up: (db) =>
      db.exec(`
        CREATE TABLE alerts (
          key TEXT PRIMARY KEY,
          board_id TEXT NOT NULL,
          card_id TEXT,
          type TEXT NOT NULL,
          at INTEGER NOT NULL,
          data TEXT NOT NULL,
          webhook_state TEXT NOT NULL,
          webhook_attempts INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE INDEX alerts_pending_webhooks ON alerts (webhook_state, at);
        CREATE TABLE notifications (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          user_id TEXT NOT NULL,
          alert_key TEXT NOT NULL,
          board_id TEXT NOT NULL,
          card_id TEXT,
          type TEXT NOT NULL,
          at INTEGER NOT NULL,
          data TEXT NOT NULL,
          read_at INTEGER
        ) STRICT;
        CREATE INDEX notifications_by_user ON notifications (user_id, id);
      `),
  },
  {
    description: 'directory version, bumped by every change to users and memberships',
    up: (db) =>
      db.exec(`
        CREATE TABLE directory_version (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          version INTEGER NOT NULL
        ) STRICT;
        INSERT INTO directory_version (id, version) VALUES (1, 1);
        ${['users', 'memberships']
          .flatMap((table) =>
            ['INSERT', 'UPDATE', 'DELETE'].map(
              (op) => `CREATE TRIGGER ${table}_${op.toLowerCase()}_bumps_directory AFTER ${op} ON ${table}
                 BEGIN UPDATE directory_version SET version = version + 1; END;`,
            ),
          )
          .join('\n')}
      `),
  },
];

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies the steps the database has not seen yet, each in its own IMMEDIATE transaction
 * together with its `user_version` bump, so a failing step leaves the previous version intact
 * and two processes opening the same file never apply a step twice.
 * `steps` is a parameter only so tests can exercise a failing step.
 */
export function runMigrations(db: Database, steps: readonly Migration[] = MIGRATIONS): number {
  const current = schemaVersion(db);
  if (current > steps.length) {
    throw new Error(
      `database schema version ${current} is newer than this build knows (${steps.length}); refusing to open it`,
    );
  }
  steps.forEach((step, index) => {
    const target = index + 1;
    db.transaction(() => {
      // Re-read inside the write lock: another process may have migrated meanwhile.
      if (schemaVersion(db) >= target) return;
      step.up(db);
      db.pragma(`user_version = ${target}`);
    }).immediate();
  });
  return schemaVersion(db);
}
