import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupStore, hasBackupIO, restoreStore, type BackupStore } from '../../backup';
import type { Store } from '../../Store';
import { epochs, fillEverything, readEverything } from '../backupFixtures';
import { command, event, type SuiteContext } from '../fixtures';

const asBackupStore = (store: Store): BackupStore => {
  if (!hasBackupIO(store)) throw new Error(`the ${store.kind} store has no backupIO()`);
  return store;
};

export function describeBackup(ctx: SuiteContext): void {
  describe('backup and restore', () => {
    let dir = '';
    beforeEach(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'baton-backup-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it.each(['baton.ndjson', 'baton.ndjson.gz'])('restores everything from a backup (%s) after a wipe, with a new epoch for every document', async (name) => {
      const file = path.join(dir, name);
      await fillEverything(ctx.store);
      const before = await readEverything(ctx.store);
      const epochsBefore = await epochs(ctx.store);
      const io = asBackupStore(ctx.store).backupIO();
      const held = await io.counts();
      const summary = await backupStore(asBackupStore(ctx.store), file);
      // Every table that holds data is in the backup (the update log is folded into the documents).
      const { documents: _d, updates: _u, baton_schema_migrations: _m, ...tables } = held;
      expect(summary.rows).toEqual(tables);
      expect(summary.documents).toBe(3);

      const report = await restoreStore(asBackupStore(ctx.store), file, { force: true, newEpoch: randomUUID });
      expect(report.wiped).toBe(true);
      const store = await ctx.reopen();
      expect(await readEverything(store)).toEqual(before);
      const epochsAfter = await epochs(store);
      for (const doc of Object.keys(epochsBefore)) {
        expect(epochsAfter[doc]).toBeDefined();
        expect(epochsAfter[doc]).not.toBe(epochsBefore[doc]);
      }
      expect(report.epochs.map((e) => e.after).sort()).toEqual(Object.values(epochsAfter).sort());
      expect(await store.countUpdates('board:demo')).toBe(0);
    });

    it('lets ids and sequence numbers continue after the restored ones', async () => {
      const file = path.join(dir, 'b.ndjson');
      await fillEverything(ctx.store);
      const lastEvent = (await ctx.store.listEvents({ boardId: 'demo', newestFirst: true, limit: 1 }))[0]!.id;
      const lastNotification = Math.max(...(await ctx.store.listNotifications('alice')).map((n) => n.id));
      await backupStore(asBackupStore(ctx.store), file);
      await restoreStore(asBackupStore(ctx.store), file, { force: true, newEpoch: randomUUID });
      const commit = await ctx.store.commitCommand(command('cmd-after'), [event({ type: 'after.restore' })]);
      expect(commit).toEqual({ status: 'committed', seq: 3 });
      const [newest] = await ctx.store.listEvents({ boardId: 'demo', newestFirst: true, limit: 1 });
      expect(newest?.type).toBe('after.restore');
      expect(newest!.id).toBeGreaterThan(lastEvent);
      await ctx.store.recordAlert({ key: 'after', boardId: 'demo', cardId: null, type: 't', at: 9, data: {}, webhook: 'none', webhookAttempts: 0 }, ['alice']);
      expect((await ctx.store.listNotifications('alice'))[0]!.id).toBeGreaterThan(lastNotification);
      // The update log starts over above the restored snapshot.
      await ctx.store.appendUpdate('pack:card-1', new Uint8Array([0, 0]));
      expect(await ctx.store.countUpdates('pack:card-1')).toBe(1);
    });

    it('refuses to restore into a store that holds data, unless forced', async () => {
      const file = path.join(dir, 'b.ndjson');
      await fillEverything(ctx.store);
      await backupStore(asBackupStore(ctx.store), file);
      await expect(restoreStore(asBackupStore(ctx.store), file, { newEpoch: randomUUID })).rejects.toThrow(/not empty.*--force/);
    });

    it('refuses an incomplete backup before writing anything', async () => {
      const file = path.join(dir, 'b.ndjson');
      await fillEverything(ctx.store);
      await backupStore(asBackupStore(ctx.store), file);
      const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
      await writeFile(file, lines.slice(0, -1).join('\n') + '\n');
      await asBackupStore(ctx.store).backupIO().wipe();
      await expect(restoreStore(asBackupStore(ctx.store), file, { newEpoch: randomUUID })).rejects.toThrow(/incomplete/);
      expect(await asBackupStore(ctx.store).backupIO().counts()).toEqual({});
    });

    it('never overwrites an existing backup file', async () => {
      const file = path.join(dir, 'b.ndjson');
      await writeFile(file, 'precious');
      await expect(backupStore(asBackupStore(ctx.store), file)).rejects.toThrow(/EEXIST/);
      expect(await readFile(file, 'utf8')).toBe('precious');
    });
  });
}
