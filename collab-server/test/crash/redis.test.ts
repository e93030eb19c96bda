/**
 * Crash safety with two server processes over PostgreSQL and Redis: clients are split between
 * them, and each cycle one process (chosen at random) is killed with SIGKILL and restarted while
 * the other keeps serving. Commands left unanswered by the kill are sent again, possibly to the
 * other process. Every read must hold every acknowledged value exactly once, and at the end
 * both processes must show the same, complete board and pack.
 * CRASH_CYCLES sets the number of cycles (default 50), CRASH_SEED replays a run.
 */
import { openPostgresStore } from '@baton/persistence/postgres';
import { probePostgres } from '@baton/persistence/testing';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'vitest';
import { probeRedis, REDIS_URL } from '../support/redis';
import { crashCycles, crashSeed, crashTimeout, expectNothingLost, runCrashWorkload } from './support/crashRun';
import { useFreshDatabase } from './support/database';

const unavailable = [await probePostgres(), await probeRedis()].filter((x): x is string => x !== null);
const label = 'crash workload on two processes over Redis and PostgreSQL';
if (unavailable.length > 0 && process.env.CI === 'true') {
  describe(label, () => {
    it('needs PostgreSQL and Redis (CI=true)', () => {
      throw new Error(`Unavailable: ${unavailable.join('; ')}`);
    });
  });
} else if (unavailable.length > 0) {
  console.warn(`Skipping "${label}": ${unavailable.join('; ')}`);
}

describe.skipIf(unavailable.length > 0)(label, () => {
  const dbUrl = useFreshDatabase('baton_crash_redis');

  it('loses no acknowledged command or text edit and applies none twice when one of two processes is killed at random moments', async () => {
    const cycles = crashCycles();
    const report = await runCrashWorkload({
      label: 'redis (2 processes)',
      processes: 2,
      cycles,
      seed: crashSeed(),
      env: {
        DATABASE_URL: dbUrl(),
        REDIS_URL,
        // Its own channels, so a concurrent test (or dev server) on the same Redis never mixes in.
        BATON_REDIS_PREFIX: `crash-${randomBytes(4).toString('hex')}`,
        BATON_COMPACT_EVERY: '20',
        BATON_SECRET: 'crash-workload-secret-0123456789',
      },
      openStore: () => openPostgresStore(dbUrl(), { poolSize: 2 }),
    });
    console.log(report.figure);
    expectNothingLost(report, cycles);
  }, crashTimeout(crashCycles()));
});
