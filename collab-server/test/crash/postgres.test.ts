/**
 * Crash safety on PostgreSQL: the set workload against one server process on a fresh database,
 * killed with SIGKILL at random moments; compaction runs every few updates, so kills land in
 * the middle of it, and the stored documents are read back after every kill.
 * CRASH_CYCLES sets the number of cycles (default 50), CRASH_SEED replays a run.
 */
import { openPostgresStore } from '@baton/persistence/postgres';
import { postgresDescribe } from '@baton/persistence/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { crashCycles, crashSeed, crashTimeout, runCrashWorkload } from './support/crashRun';
import { freshDatabase } from './support/database';

const describePg = await postgresDescribe('crash workload on PostgreSQL');

describePg('crash workload on PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>> | null = null;
  beforeAll(async () => {
    db = await freshDatabase('baton_crash');
  });
  afterAll(async () => {
    if (process.env.CRASH_KEEP === '1') console.log(`kept ${db?.url}`);
    else await db?.drop();
  });

  it('loses no acknowledged command or text edit, applies none twice, and keeps every stored document loadable across SIGKILLs, also mid-compaction', async () => {
    const cycles = crashCycles();
    const report = await runCrashWorkload({
      label: 'postgres',
      processes: 1,
      cycles,
      seed: crashSeed(),
      env: { DATABASE_URL: db!.url, REDIS_URL: null, BATON_COMPACT_EVERY: '10', BATON_SECRET: 'crash-workload-secret-0123456789' },
      openStore: () => openPostgresStore(db!.url, { poolSize: 2 }),
      readStoreAfterKill: true,
    });
    console.log(report.figure);
    expect(report.lost).toEqual([]);
    expect(report.duplicated).toEqual([]);
    expect(report.rejectedPresent).toEqual([]);
    expect(report.broken).toEqual([]);
    expect(report.cycles).toBeGreaterThanOrEqual(cycles);
    expect(report.acknowledged).toBeGreaterThan(cycles);
    expect(report.snapshotsRewritten).toBeGreaterThan(0);
  }, crashTimeout(crashCycles()));
});
