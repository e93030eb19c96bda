// `npm run test:crash`: only the crash workload (collab-server/test/crash), with more kill
// cycles than `npm test` runs: CRASH_CYCLES (default 200) per backend. CRASH_SEED replays a run.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, CRASH_CYCLES: process.env.CRASH_CYCLES || '200' };
console.log(`crash workload: ${env.CRASH_CYCLES} kill cycles per backend${env.CRASH_SEED ? `, seed ${env.CRASH_SEED}` : ''}`);
const result = spawnSync(
  'npx',
  ['vitest', 'run', '--project', 'collab-server', 'collab-server/test/crash', '--reporter=default', '--reporter=./scripts/summary-reporter.mjs', ...process.argv.slice(2)],
  { stdio: 'inherit', env },
);
process.exit(result.status ?? 1);
