import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { backupStore, restoreStore } from '../src/backup';
import { openSqliteStore } from '../src/sqlite';
import { epochs, fillEverything, postgresDescribe, readEverything, Sandbox } from '../src/testing';

const describePg = await postgresDescribe('backups across backends');

describePg('backups across backends', () => {
  let dir = '';
  let sandbox: Sandbox;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'baton-cross-'));
    sandbox = new Sandbox();
  });
  afterEach(async () => {
    await sandbox.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  it('a SQLite backup restores into an empty PostgreSQL store, and back', async () => {
    const sqlite = await openSqliteStore(path.join(dir, 'a.db'));
    try {
      await fillEverything(sqlite);
      const before = await readEverything(sqlite);
      await backupStore(sqlite, path.join(dir, 'from-sqlite.ndjson.gz'));

      const pg = await sandbox.open();
      const report = await restoreStore(pg, path.join(dir, 'from-sqlite.ndjson.gz'), { newEpoch: randomUUID });
      expect(report).toMatchObject({ source: 'sqlite', wiped: false, documents: 3 });
      expect(await readEverything(pg)).toEqual(before);
      expect(Object.values(await epochs(pg))).not.toContain('epoch-board');

      await backupStore(pg, path.join(dir, 'from-pg.ndjson'));
      const back = await openSqliteStore(path.join(dir, 'b.db'));
      try {
        expect((await restoreStore(back, path.join(dir, 'from-pg.ndjson'), { newEpoch: randomUUID })).source).toBe('postgres');
        expect(await readEverything(back)).toEqual(before);
      } finally {
        await back.close();
      }
    } finally {
      await sqlite.close();
    }
  });
});
