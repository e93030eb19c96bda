// Several server processes on one database, simulated by several stores (each with its own pool).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MIGRATIONS, runMigrations } from '../src/postgres';
import type { PgMigration } from '../src/postgres';
import { command, Editor, event, merge, rebuiltText, rejection } from '../src/testing/fixtures';
import { postgresDescribe, Sandbox } from '../src/testing/postgres';

const describePg = await postgresDescribe('the PostgreSQL multi-process suite');

describePg('PostgresStore across processes', () => {
  let box: Sandbox;
  beforeEach(() => {
    box = new Sandbox();
  });
  afterEach(() => box.cleanup());

  it('two stores committing concurrently allocate consecutive, distinct per-board seqs', async () => {
    const [a, b] = await Promise.all([box.open({ poolSize: 5 }), box.open({ poolSize: 5 })]);
    if (!a || !b) throw new Error('stores did not open');
    const commits = Array.from({ length: 50 }, (_, i) => [
      a.commitCommand(command(`a${i}`), [event({ type: 'from.a' })]),
      b.commitCommand(command(`b${i}`), [event({ type: 'from.b' })]),
      // Another board's commits interleave without touching this board's sequence.
      (i % 2 === 0 ? a : b).commitCommand(command(`o${i}`, { boardId: 'other' }), []),
    ]);
    const results = await Promise.all(commits.flat());
    const seqs = (board: string) =>
      results
        .filter((_, i) => (i % 3 === 2) === (board === 'other'))
        .map((r) => (r.status === 'committed' ? r.seq : null))
        .sort((x, y) => (x ?? 0) - (y ?? 0));
    expect(seqs('demo')).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(seqs('other')).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const applied = await b.listAppliedCommands('demo', 0);
    expect(applied.map((c) => c.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(new Set(applied.map((c) => c.commandId)).size).toBe(100);
    expect(await a.listEvents({ boardId: 'demo' })).toHaveLength(100);
  });

  it('the same command id committed by two stores at once is recorded once', async () => {
    const [a, b] = await Promise.all([box.open(), box.open()]);
    if (!a || !b) throw new Error('stores did not open');
    for (let i = 0; i < 10; i++) {
      const results = await Promise.all([
        a.commitCommand(command(`dup${i}`, { actor: 'a' }), [event({ type: 'a' })]),
        b.commitCommand(command(`dup${i}`, { actor: 'b' }), [event({ type: 'b' })]),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['committed', 'duplicate']);
      const stored = await a.getCommand(`dup${i}`);
      const duplicate = results.find((r) => r.status === 'duplicate');
      expect(duplicate?.status === 'duplicate' && duplicate.existing).toEqual(stored);
      expect(stored?.seq).toBe(i + 1);
    }
    expect(await a.listEvents({ boardId: 'demo' })).toHaveLength(10);
  });

  it('a batch racing an uncommitted writer of one of its ids rolls back and reports that entry', async () => {
    const store = await box.open();
    await store.commitCommand(command('before'), []);
    const other = await box.raw().connect();
    const insertRace = (id: string) =>
      other.query(
        `INSERT INTO commands (command_id, board_id, seq, actor, type, at, answer, effects)
         VALUES ($1, 'demo', NULL, 'racer', 'updateCard', 5, $2, '[]')`,
        [id, JSON.stringify(rejection(id).answer)],
      );
    const batch = ['r1', 'r2', 'r3'].map((id) => ({ record: command(id), events: [event({ type: id })] }));
    try {
      for (const outcome of ['COMMIT', 'ROLLBACK'] as const) {
        await other.query('BEGIN');
        await insertRace('r2');
        // The batch sees no r2 yet, so it gets as far as its insert and waits on the racing row.
        const pending = store.commitCommands(batch);
        await box.waitForSession('%INSERT INTO commands%', 'Lock');
        await other.query(outcome);
        if (outcome === 'COMMIT') {
          expect(await pending).toEqual({ status: 'duplicate', index: 1, existing: { ...rejection('r2', { actor: 'racer', at: 5 }), seq: null } });
          expect(await store.getCommand('r1')).toBeNull();
          expect(await store.listEvents({ boardId: 'demo' })).toEqual([]);
          await other.query("DELETE FROM commands WHERE command_id = 'r2'");
        } else {
          expect(await pending).toEqual({ status: 'committed', seqs: [2, 3, 4] });
          expect((await store.listEvents({ boardId: 'demo' })).map((e) => e.type)).toEqual(['r1', 'r2', 'r3']);
        }
      }
    } finally {
      other.release();
    }
  });

  it('batches of the same ids in opposite orders from two stores do not deadlock', async () => {
    const [a, b] = await Promise.all([box.open(), box.open()]);
    if (!a || !b) throw new Error('stores did not open');
    // Each command row takes 100 ms to insert, so both batches are mid-statement at once: were
    // rows inserted in batch order, each would hold one id the other waits for.
    await box.raw().query(`
      CREATE FUNCTION slow_command() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.1); RETURN NEW; END $$;
      CREATE TRIGGER slow_command BEFORE INSERT ON commands FOR EACH ROW EXECUTE FUNCTION slow_command();`);
    // Refusals only: no seq, so no board lock serialises the two transactions.
    const ids = ['x', 'y', 'z'];
    const results = await Promise.all([
      a.commitCommands(ids.map((id) => ({ record: rejection(id, { actor: 'a' }), events: [] }))),
      b.commitCommands([...ids].reverse().map((id) => ({ record: rejection(id, { actor: 'b' }), events: [] }))),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['committed', 'duplicate']);
    const winner = results[0]?.status === 'committed' ? 'a' : 'b';
    for (const id of ids) expect((await a.getCommand(id))?.actor).toBe(winner);
    expect(results.find((r) => r.status === 'duplicate')).toMatchObject({ index: 0 });
  });

  it('stores opening a fresh schema together apply each migration once', async () => {
    await Promise.all([box.open(), box.open(), box.open()]);
    const rows = await box.raw().query('SELECT version FROM baton_schema_migrations ORDER BY version');
    expect(rows.rows).toEqual(MIGRATIONS.map((_, i) => ({ version: i + 1 })));
  });

  it('concurrent migration runs never apply a step twice, even a step that is not idempotent', async () => {
    const steps: PgMigration[] = [
      { description: 'counter', up: (c) => c.query('CREATE TABLE counter (n integer)') },
      { description: 'count once', up: (c) => c.query('INSERT INTO counter VALUES (1)') },
    ];
    const pools = [box.raw(), box.raw(), box.raw(), box.raw()];
    expect(await Promise.all(pools.map((pool) => runMigrations(pool, box.schema, steps)))).toEqual([2, 2, 2, 2]);
    expect((await box.raw().query('SELECT count(*)::int AS n FROM counter')).rows).toEqual([{ n: 1 }]);
  });

  it('a lock is held by exactly one of two concurrent acquirers', async () => {
    const [a, b] = await Promise.all([box.open(), box.open()]);
    if (!a || !b) throw new Error('stores did not open');
    for (let i = 0; i < 20; i++) {
      const free = await Promise.all([a.acquireLock(`free${i}`, 'A', 1000, 0), b.acquireLock(`free${i}`, 'B', 1000, 0)]);
      expect(free.filter(Boolean)).toHaveLength(1);
      // An expired lock is taken over by exactly one of two contenders as well.
      expect(await a.acquireLock(`stale${i}`, 'C', 10, 0)).toBe(true);
      const stale = await Promise.all([a.acquireLock(`stale${i}`, 'A', 1000, 50), b.acquireLock(`stale${i}`, 'B', 1000, 50)]);
      expect(stale.filter(Boolean)).toHaveLength(1);
    }
    const holders = await box.raw().query<{ name: string; holder: string }>('SELECT name, holder FROM locks');
    expect(holders.rows).toHaveLength(40);
  });

  it('an update that commits late is never lost to a compaction planned meanwhile', async () => {
    const store = await box.open({ poolSize: 6 });
    const raw = box.raw();
    // Appends whose update contains the text SLOW stay uncommitted for 500 ms after drawing their seq.
    await raw.query(`
      CREATE FUNCTION slow_append() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF position(convert_to('SLOW', 'UTF8') IN NEW.data) > 0 THEN PERFORM pg_sleep(0.5); END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER slow_append BEFORE INSERT ON updates FOR EACH ROW EXECUTE FUNCTION slow_append();`);
    await store.ensureDocument('d', () => 'e1');
    const slowEditor = new Editor();
    const fastEditor = new Editor();
    const slow = store.appendUpdate('d', slowEditor.type('SLOW'));
    await box.waitForSession('%INSERT INTO updates%', 'Timeout'); // it has drawn its seq and sleeps
    let fastSettled = false;
    const fast = store.appendUpdate('d', fastEditor.type('fast')).finally(() => (fastSettled = true));
    // Either it queues behind the slow one (as it should) or, were appends not serialised per
    // document, it commits at once with the higher seq.
    await box.waitForSession('%INSERT INTO updates%', 'Lock', () => fastSettled);
    // A compactor merges whatever it can see now and compacts up to the last seq it saw.
    const seen = await store.loadDocument('d');
    const last = seen?.updates.at(-1);
    if (last) await store.compactDocument('d', merge(seen?.snapshot ?? null, ...(seen?.updates ?? []).map((u) => u.data)), last.seq);
    const [slowSeq, fastSeq] = await Promise.all([slow, fast]);
    expect(slowSeq).toBeLessThan(fastSeq);
    const text = rebuiltText(await store.loadDocument('d'));
    expect([...text].sort().join('')).toBe([...'SLOWfast'].sort().join(''));
  });

  it('a reader paging events by id never misses one that committed late', async () => {
    const [writer, reader] = await Promise.all([box.open({ poolSize: 6 }), box.open()]);
    if (!writer || !reader) throw new Error('stores did not open');
    await box.raw().query(`
      CREATE FUNCTION slow_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.type = 'slow' THEN PERFORM pg_sleep(0.5); END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER slow_event BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION slow_event();`);
    const slow = writer.appendEvents([event({ type: 'slow' })]);
    await box.waitForSession('%INSERT INTO events%', 'Timeout'); // it has drawn its id and sleeps
    let fastSettled = false;
    const fast = writer.commitCommand(command('c1'), [event({ type: 'fast' })]).finally(() => (fastSettled = true));
    await box.waitForSession('%pg_advisory_xact_lock(k)%', 'Lock', () => fastSettled);
    const firstPage = await reader.listEvents({ boardId: 'demo' });
    await Promise.all([slow, fast]);
    const afterId = firstPage.at(-1)?.id ?? 0;
    const secondPage = await reader.listEvents({ boardId: 'demo', afterId });
    expect([...firstPage, ...secondPage].map((e) => e.type).sort()).toEqual(['fast', 'slow']);
  });
});
