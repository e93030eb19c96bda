/**
 * Crash safety on PostgreSQL: the set workload against one server process on a fresh database,
 * killed with SIGKILL at random moments; compaction runs every few updates, so kills land in
 * the middle of it, and the stored documents are read back after every kill.
 * CRASH_CYCLES sets the number of cycles (default 50), CRASH_SEED replays a run.
 */
import { openPostgresStore } from '@baton/persistence/postgres';
import { postgresDescribe } from '@baton/persistence/testing';
import { expect, it } from 'vitest';
import { crashCycles, crashSeed, crashTimeout, expectNothingLost, runCrashWorkload } from './support/crashRun';
import { useFreshDatabase } from './support/database';

const describePg = await postgresDescribe('crash workload on PostgreSQL');

describePg('crash workload on PostgreSQL', () => {
  const dbUrl = useFreshDatabase('baton_crash');

  it('loses no acknowledged command or text edit, applies none twice, and keeps every stored document loadable across SIGKILLs, also mid-compaction', async () => {
    const cycles = crashCycles();
    const report = await runCrashWorkload({
      label: 'postgres',
      processes: 1,
      cycles,
      seed: crashSeed(),
      env: { DATABASE_URL: dbUrl(), REDIS_URL: null, BATON_COMPACT_EVERY: '10', BATON_SECRET: 'crash-workload-secret-0123456789' },
      openStore: () => openPostgresStore(dbUrl(), { poolSize: 2 }),
      readStoreAfterKill: true,
    });
    console.log(report.figure);
    expectNothingLost(report, cycles);
    expect(report.snapshotsRewritten).toBeGreaterThan(0);
  }, crashTimeout(crashCycles()));
});
