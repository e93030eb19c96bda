/**
 * Crash safety on SQLite (DESIGN.md, principle 4: "kill -9 at any moment loses no acknowledged
 * edit"): the set workload against one server process killed with SIGKILL at random moments.
 * Compaction runs every few updates, so kills land in the middle of it, and the stored documents
 * are read back (without a server) after every kill.
 * CRASH_CYCLES sets the number of cycles (default 50), CRASH_SEED replays a run.
 */
import { openSqliteStore } from '@baton/persistence/sqlite';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crashCycles, crashSeed, crashTimeout, expectNothingLost, runCrashWorkload } from './support/crashRun';

describe('crash workload on SQLite', () => {
  let dataDir = '';
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'baton-crash-sqlite-'));
  });
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged command or text edit, applies none twice, and keeps every stored document loadable across SIGKILLs, also mid-compaction', async () => {
    const cycles = crashCycles();
    const report = await runCrashWorkload({
      label: 'sqlite',
      processes: 1,
      cycles,
      seed: crashSeed(),
      env: { BATON_DATA_DIR: dataDir, DATABASE_URL: null, REDIS_URL: null, BATON_COMPACT_EVERY: '5', BATON_SECRET: 'crash-workload-secret-0123456789' },
      openStore: () => openSqliteStore(path.join(dataDir, 'baton.db')),
      readStoreAfterKill: true,
    });
    console.log(report.figure);
    expectNothingLost(report, cycles);
    expect(report.snapshotsRewritten).toBeGreaterThan(0);
  }, crashTimeout(crashCycles()));
});
