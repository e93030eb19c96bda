import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openSqliteStore, runMigrations, schemaVersion } from '../src/sqlite';
import type { SqliteStore } from '../src/sqlite';
import { runStoreConformance } from '../src/testing';
import { command, Editor, event, merge, rebuiltText } from '../src/testing/fixtures';

const makeTempDir = () => mkdtemp(join(tmpdir(), 'baton-sqlite-'));

runStoreConformance('sqlite', async () => {
  const dir = await makeTempDir();
  const file = join(dir, 'baton.db');
  return {
    store: await openSqliteStore(file),
    reopen: () => openSqliteStore(file),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

describe('SqliteStore specifics', () => {
  let dir: string;
  let file: string;
  const toClose: Array<{ close(): unknown }> = [];
  /** A second, raw connection to the same file: what another process (or an operator) sees. */
  const raw = () => {
    const db = new Database(file);
    toClose.push(db);
    return db;
  };
  const open = async (path = file): Promise<SqliteStore> => {
    const store = await openSqliteStore(path);
    toClose.push(store);
    return store;
  };

  beforeEach(async () => {
    dir = await makeTempDir();
    file = join(dir, 'data', 'baton.db');
  });

  afterEach(async () => {
    for (const c of toClose.splice(0).reverse()) await c.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the parent directory and the file', async () => {
    await open(join(dir, 'a', 'b', 'c.db'));
    expect(existsSync(join(dir, 'a', 'b', 'c.db'))).toBe(true);
  });

  it('the connection uses WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
    const store = await open();
    expect(store.pragma('journal_mode')).toBe('wal');
    expect(store.pragma('synchronous')).toBe(2); // FULL
    expect(store.pragma('foreign_keys')).toBe(1);
    expect(store.pragma('busy_timeout')).toBe(5000);
    expect(raw().pragma('journal_mode', { simple: true })).toBe('wal'); // persisted in the file
    expect(() => store.pragma('synchronous = OFF')).toThrow();
  });

  it('an update appended without its own fsync (replayable) leaves every later write fully durable', async () => {
    const store = await open();
    await store.ensureDocument('board:b1', () => 'e1');
    await store.appendUpdate('board:b1', new Uint8Array([0, 0]), { replayable: true });
    expect(store.pragma('synchronous')).toBe(2); // back to FULL
    await expect(store.appendUpdate('board:nope', new Uint8Array([0, 0]), { replayable: true })).rejects.toThrow(/board:nope/);
    expect(store.pragma('synchronous')).toBe(2); // also after a failed append
  });

  it('migrations are idempotent on reopen and keep the data', async () => {
    const first = await open();
    expect(first.pragma('user_version')).toBe(MIGRATIONS.length);
    await first.setSetting('k', 'v');
    await first.close();
    const second = await open();
    expect(second.pragma('user_version')).toBe(MIGRATIONS.length);
    expect(await second.getSetting('k')).toBe('v');
    const db = raw();
    expect(runMigrations(db)).toBe(MIGRATIONS.length);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
  });

  it('a failing migration step leaves the previous version and no partial schema', () => {
    const db = new Database(':memory:');
    toClose.push(db);
    const steps = [
      { description: 'ok', up: (d: Database.Database) => d.exec('CREATE TABLE a (x INTEGER)') },
      {
        description: 'fails half-way',
        up: (d: Database.Database) => {
          d.exec('CREATE TABLE b (x INTEGER)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => runMigrations(db, steps)).toThrow('boom');
    expect(schemaVersion(db)).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(['a']);
  });

  it('a database from a newer build is refused', async () => {
    await (await open()).close();
    raw().pragma(`user_version = ${MIGRATIONS.length + 1}`);
    await expect(openSqliteStore(file)).rejects.toThrow(/newer/);
  });

  it('an appended update is committed before its promise is even awaited', async () => {
    const store = await open();
    await store.ensureDocument('d', () => 'e1');
    const pending = store.appendUpdate('d', new Editor().type('x'));
    expect(raw().prepare('SELECT COUNT(*) FROM updates').pluck().get()).toBe(1);
    await pending;
  });

  it('a compaction that fails half-way leaves the old snapshot and every update', async () => {
    const store = await open();
    const editor = new Editor();
    await store.ensureDocument('d', () => 'e1');
    const u1 = editor.type('a');
    const s1 = await store.appendUpdate('d', u1);
    await store.compactDocument('d', merge(u1), s1);
    const u2 = editor.type('b');
    await store.appendUpdate('d', u2);
    const u3 = editor.type('c');
    const s3 = await store.appendUpdate('d', u3);
    const before = await store.loadDocument('d');
    // Fail after the snapshot was written, while deleting the merged rows.
    raw().exec("CREATE TRIGGER fail_delete BEFORE DELETE ON updates BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    await expect(store.compactDocument('d', merge(before?.snapshot ?? null, u2, u3), s3)).rejects.toThrow('disk on fire');
    expect(await store.loadDocument('d')).toEqual(before);
    expect(rebuiltText(await store.loadDocument('d'))).toBe('abc');
  });

  it('compaction writes the snapshot before it deletes the merged rows', async () => {
    const store = await open();
    const editor = new Editor();
    await store.ensureDocument('d', () => 'e1');
    const u1 = editor.type('a');
    const s1 = await store.appendUpdate('d', u1);
    // Refuses any delete of an update the snapshot does not cover yet.
    raw().exec(`CREATE TRIGGER snapshot_first BEFORE DELETE ON updates
      WHEN (SELECT compacted_upto FROM documents WHERE name = OLD.doc_name) < OLD.seq
      BEGIN SELECT RAISE(ABORT, 'deleted before the snapshot was written'); END`);
    await store.compactDocument('d', merge(u1), s1);
    expect(rebuiltText(await store.loadDocument('d'))).toBe('a');
  });

  it('compaction and reset physically delete the rows they replace', async () => {
    const store = await open();
    const editor = new Editor();
    const rows = () => raw().prepare('SELECT COUNT(*) FROM updates').pluck().get();
    await store.ensureDocument('d', () => 'e1');
    const u1 = editor.type('a');
    const s1 = await store.appendUpdate('d', u1);
    await store.appendUpdate('d', editor.type('b'));
    await store.compactDocument('d', merge(u1), s1);
    expect(rows()).toBe(1);
    await store.resetDocument('d', merge(u1), 'e2');
    expect(rows()).toBe(0);
  });

  it('a commit whose events cannot be written records nothing and uses no sequence number', async () => {
    const store = await open();
    raw().exec("CREATE TRIGGER fail_event BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'no space'); END");
    await expect(store.commitCommand(command('c1'), [event()])).rejects.toThrow('no space');
    expect(await store.getCommand('c1')).toBeNull();
    raw().exec('DROP TRIGGER fail_event');
    expect(await store.commitCommand(command('c2'), [event()])).toEqual({ status: 'committed', seq: 1 });
  });

  it('a batch whose last events cannot be written records none of its commands or events', async () => {
    const store = await open();
    raw().exec("CREATE TRIGGER fail_event BEFORE INSERT ON events WHEN NEW.type = 'bad' BEGIN SELECT RAISE(ABORT, 'no space'); END");
    const batch = [
      { record: command('c1'), events: [event()] },
      { record: command('c2'), events: [event({ type: 'bad' })] },
    ];
    await expect(store.commitCommands(batch)).rejects.toThrow('no space');
    expect(await store.getCommand('c1')).toBeNull();
    expect(await store.listEvents({ boardId: 'demo' })).toEqual([]);
    raw().exec('DROP TRIGGER fail_event');
    expect(await store.commitCommands([{ record: command('c3'), events: [event()] }])).toEqual({ status: 'committed', seqs: [1] });
  });

  it('two stores on one file share sequences and locks, like two server processes', async () => {
    const a = await open();
    const b = await open();
    expect(await a.commitCommand(command('x1'), [])).toEqual({ status: 'committed', seq: 1 });
    expect(await b.commitCommand(command('x2'), [])).toEqual({ status: 'committed', seq: 2 });
    expect((await b.commitCommand(command('x1'), [])).status).toBe('duplicate');
    expect(await a.acquireLock('compactor', 'proc-a', 1000, 0)).toBe(true);
    expect(await b.acquireLock('compactor', 'proc-b', 1000, 10)).toBe(false);
    await b.ensureDocument('d', () => 'from-b');
    expect(await a.ensureDocument('d', () => 'from-a')).toEqual({ epoch: 'from-b', created: false });
  });
});
