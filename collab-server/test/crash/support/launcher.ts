/**
 * A warm Baton process for the crash workload. Starting the server under tsx costs about a
 * second, almost all of it loading modules, and a crash test restarts it dozens of times. So
 * this process loads the server's modules first, prints `warm`, then waits for one line of
 * JSON on stdin (the environment of this start) and runs the real entry point, src/main.ts,
 * exactly as `npm start` would. The test runner keeps one or two of these ready.
 * If stdin closes (the test runner is gone) the process exits, so none is left behind.
 */
import { createInterface } from 'node:readline';

await import('../../../src/server');
await import('../../../src/config');
process.stdout.write('warm\n');

let started = false;
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (started) return;
  started = true;
  for (const [key, value] of Object.entries(JSON.parse(line) as Record<string, string | null>)) {
    if (value === null) delete process.env[key];
    else process.env[key] = value;
  }
  void import('../../../src/main');
});
lines.on('close', () => process.exit(0));
