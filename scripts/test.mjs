// `npm test`: builds the client (the e2e specs drive the built app) and runs every suite once.
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env: process.env });

const build = run('npx', ['vite', 'build', '--logLevel', 'warn']);
if (build.status !== 0) {
  console.log('tests: 0 passed, 1 failed (client build failed)');
  process.exit(1);
}
const extra = process.argv.slice(2);
const result = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=./scripts/summary-reporter.mjs', ...extra]);
process.exit(result.status ?? 1);
