import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, openPostgresStore, runMigrations, schemaVersion } from '../src/postgres';
import { runStoreConformance } from '../src/testing';
import { command, Editor, event, merge, rebuiltText } from '../src/testing/fixtures';
import { DATABASE_URL, dropSchema, freshSchemaName, postgresDescribe, Sandbox } from '../src/testing/postgres';

const describePg = await postgresDescribe('the PostgreSQL store suite');

describePg('postgres', () => {
  runStoreConformance('postgres', async () => {
    const schema = freshSchemaName();
    const open = () => openPostgresStore(DATABASE_URL, { schema, poolSize: 4 });
    try {
      return { store: await open(), reopen: open, cleanup: () => dropSchema(schema) };
    } catch (error) {
      await dropSchema(schema);
      throw error;
    }
  });

  describe('PostgresStore specifics', () => {
    let box: Sandbox;
    beforeEach(() => {
      box = new Sandbox();
    });
    afterEach(() => box.cleanup());

    it('creates its schema and keeps every table in it, with one row per applied migration', async () => {
      await box.open();
      const raw = box.raw();
      const tables = await raw.query<{ t: string }>(
        'SELECT table_name AS t FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1',
        [box.schema],
      );
      expect(tables.rows.map((r) => r.t)).toEqual([
        'alerts',
        'attachments',
        'baton_schema_migrations',
        'boards',
        'cards',
        'commands',
        'directory_version',
        'documents',
        'events',
        'locks',
        'memberships',
        'notifications',
        'settings',
        'updates',
        'users',
      ]);
      const applied = await raw.query('SELECT version, description FROM baton_schema_migrations ORDER BY version');
      expect(applied.rows).toEqual(MIGRATIONS.map((m, i) => ({ version: i + 1, description: m.description })));
    });

    it('event queries are served by indexes on (board, id), (board, card, id) and (board, type, at)', async () => {
      await box.open();
      const indexes = await box.raw().query<{ def: string }>(
        "SELECT indexdef AS def FROM pg_indexes WHERE schemaname = $1 AND tablename = 'events' ORDER BY indexname",
        [box.schema],
      );
      const columns = indexes.rows.map((r) => /\((.*)\)$/.exec(r.def)?.[1]);
      expect(columns).toEqual(['board_id, id', 'board_id, card_id, id', 'board_id, type, at', 'id']);
    });

    it('refuses schema names that are not plain lower-case identifiers', async () => {
      for (const bad of ['Baton', 'a-b', 'x; DROP TABLE y', '1abc', '']) {
        await expect(openPostgresStore(DATABASE_URL, { schema: bad })).rejects.toThrow(/invalid schema name/);
      }
    });

    it('migrations are idempotent on reopen and keep the data', async () => {
      const first = await box.open();
      await first.setSetting('k', 'v');
      await first.close();
      const second = await box.open();
      expect(await second.getSetting('k')).toBe('v');
      const client = await box.raw().connect();
      try {
        expect(await schemaVersion(client)).toBe(MIGRATIONS.length);
      } finally {
        client.release();
      }
    });

    it('a failing migration step leaves the previous version and no partial schema', async () => {
      const pool = box.raw();
      const steps = [
        { description: 'ok', up: (c: { query(sql: string): Promise<unknown> }) => c.query('CREATE TABLE a (x integer)') },
        {
          description: 'fails half-way',
          up: async (c: { query(sql: string): Promise<unknown> }) => {
            await c.query('CREATE TABLE b (x integer)');
            throw new Error('boom');
          },
        },
      ];
      await expect(runMigrations(pool, box.schema, steps)).rejects.toThrow('boom');
      const tables = await pool.query<{ t: string }>(
        'SELECT table_name AS t FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1',
        [box.schema],
      );
      expect(tables.rows.map((r) => r.t)).toEqual(['a', 'baton_schema_migrations']);
      expect((await pool.query('SELECT version FROM baton_schema_migrations')).rows).toEqual([{ version: 1 }]);
    });

    it('a database from a newer build is refused', async () => {
      await (await box.open()).close();
      await box.raw().query("INSERT INTO baton_schema_migrations (version, description) VALUES ($1, 'future')", [MIGRATIONS.length + 1]);
      await expect(openPostgresStore(DATABASE_URL, { schema: box.schema })).rejects.toThrow(/newer/);
    });

    it('a bigint that a JS number cannot hold exactly is refused on read, not rounded', async () => {
      const store = await box.open();
      await box.raw().query(
        "INSERT INTO events (board_id, card_id, type, actor, at, data) VALUES ('demo', NULL, 't', 'a', 9007199254740993, '{}')",
      );
      await expect(store.listEvents({ boardId: 'demo' })).rejects.toThrow(/safe integer/);
      await expect(store.appendEvents([event({ at: 2 ** 60 })])).rejects.toThrow(/safe integer/);
    });

    it('a compaction that fails half-way leaves the old snapshot and every update', async () => {
      const store = await box.open();
      const editor = new Editor();
      await store.ensureDocument('d', () => 'e1');
      const u1 = editor.type('a');
      await store.compactDocument('d', merge(u1), await store.appendUpdate('d', u1));
      const u2 = editor.type('b');
      await store.appendUpdate('d', u2);
      const u3 = editor.type('c');
      const s3 = await store.appendUpdate('d', u3);
      const before = await store.loadDocument('d');
      // Fail after the snapshot was written, while deleting the merged rows.
      await box.raw().query(`
        CREATE FUNCTION fail_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk on fire'; END $$;
        CREATE TRIGGER fail_delete BEFORE DELETE ON updates FOR EACH ROW EXECUTE FUNCTION fail_delete();`);
      await expect(store.compactDocument('d', merge(before?.snapshot ?? null, u2, u3), s3)).rejects.toThrow('disk on fire');
      expect(await store.loadDocument('d')).toEqual(before);
      expect(rebuiltText(await store.loadDocument('d'))).toBe('abc');
    });

    it('a commit whose events cannot be written records nothing and uses no sequence number', async () => {
      const store = await box.open();
      const raw = box.raw();
      await raw.query(`
        CREATE FUNCTION fail_event() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'no space'; END $$;
        CREATE TRIGGER fail_event BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION fail_event();`);
      await expect(store.commitCommand(command('c1'), [event()])).rejects.toThrow('no space');
      expect(await store.getCommand('c1')).toBeNull();
      await raw.query('DROP TRIGGER fail_event ON events');
      expect(await store.commitCommand(command('c2'), [event()])).toEqual({ status: 'committed', seq: 1 });
    });

    it('a batch whose last events cannot be written records none of its commands or events', async () => {
      const store = await box.open();
      const raw = box.raw();
      await raw.query(`
        CREATE FUNCTION fail_event() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.type = 'bad' THEN RAISE EXCEPTION 'no space'; END IF; RETURN NEW; END $$;
        CREATE TRIGGER fail_event BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION fail_event();`);
      const batch = [
        { record: command('c1'), events: [event()] },
        { record: command('c2'), events: [event({ type: 'bad' })] },
      ];
      await expect(store.commitCommands(batch)).rejects.toThrow('no space');
      expect(await store.getCommand('c1')).toBeNull();
      expect(await store.listEvents({ boardId: 'demo' })).toEqual([]);
      await raw.query('DROP TRIGGER fail_event ON events');
      expect(await store.commitCommands([{ record: command('c3'), events: [event()] }])).toEqual({ status: 'committed', seqs: [1] });
    });
  });
});
