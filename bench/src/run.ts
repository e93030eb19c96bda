/**
 * `npm run bench`: starts each server under test as its own process (pinned to core 1 when
 * taskset exists, the load generator on core 0), runs the scenarios, prints a table per
 * scenario and writes docs/benchmarks.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchContext, ScenarioResult } from './context';
import { BENCH_ROOT, killAllServers, REPO_ROOT } from './lib/child';
import { CONTENTION_INTERVAL_S, watchContention, type Contention } from './lib/contention';
import { floorText, measureDiskFloor } from './lib/diskFloor';
import { describeMachine, pinSelf } from './lib/machine';
import { renderDocument } from './lib/document';
import { PEERS } from './lib/peers';
import { Boards } from './lib/prepare';
import { renderConsole } from './lib/table';
import { readSettings } from './settings';
import { browser } from './scenarios/browser';
import { fanout } from './scenarios/fanout';
import { load } from './scenarios/load';
import { memory } from './scenarios/memory';
import { persistence } from './scenarios/persistence';
import { storm } from './scenarios/storm';

const SCENARIOS: Array<{ ids: number[]; name: string; run: (ctx: BenchContext) => Promise<ScenarioResult> }> = [
  { ids: [1, 3], name: 'fan-out latency and server CPU', run: fanout },
  { ids: [2], name: 'write storm', run: storm },
  { ids: [4], name: 'memory per board', run: memory },
  { ids: [5], name: 'board load and join herd', run: load },
  { ids: [6], name: 'persistence under load', run: persistence },
  { ids: [7], name: 'browser', run: browser },
];

async function main(): Promise<void> {
  const settings = readSettings(process.env);
  // What Baton's own commits cost in its process is measured per fan-out window (commandTimes).
  const machine = { ...describeMachine(), durableCommit: await measureDiskFloor() };
  const pinned = pinSelf(0);
  const started = performance.now();
  const log = (line: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
  log(`Baton bench${settings.quick ? ' (BENCH_QUICK)' : ''}: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB, Node ${machine.node}; load generator ${pinned ? 'pinned to core 0, servers to core 1' : 'not pinned (no taskset)'}`);
  log(`durable commit on ${machine.disk}: ${floorText(machine.durableCommit)} (part of every Baton move)`);

  const boards = new Boards(settings.users, log);
  const ctx: BenchContext = { settings, boards, peers: PEERS.filter((p) => !settings.peers || settings.peers.has(p.id)), log };
  const chosen = SCENARIOS.filter((s) => !settings.only || s.ids.some((id) => settings.only?.has(id)));
  const results: ScenarioResult[] = [];
  const whole = watchContention();
  const busyNote = (c: Contention) =>
    `other processes used ${c.meanPct.toFixed(0)}% of the machine's CPU during this scenario (max ${c.maxPct.toFixed(0)}% over ${CONTENTION_INTERVAL_S} s)${c.meanPct > 10 ? ' — NOT an idle machine: figures are disturbed' : ''}.`;
  try {
    const sizes = new Set<number>();
    if (chosen.some((s) => s.ids.includes(1) || s.ids.includes(2))) sizes.add(settings.fanout.cards);
    if (chosen.some((s) => s.ids.includes(4))) settings.memory.sizes.forEach((n) => sizes.add(n));
    if (chosen.some((s) => s.ids.includes(5))) settings.load.sizes.forEach((n) => sizes.add(n));
    if (chosen.some((s) => s.ids.includes(6))) sizes.add(settings.persistence.cards);
    if (chosen.some((s) => s.ids.includes(7))) sizes.add(settings.browser.cards);
    if (ctx.peers.some((p) => p.id === 'baton')) await boards.seedAll([...sizes].sort((a, b) => b - a));
    for (const scenario of chosen) {
      log(`scenario ${scenario.ids.join('+')}: ${scenario.name}`);
      const watch = watchContention();
      try {
        const result = await scenario.run(ctx);
        const busy = watch();
        for (const t of result.tables) t.notes.push(busyNote(busy));
        if (busy.meanPct > 10) log(`  warning: ${busyNote(busy)}`);
        results.push(result);
        for (const table of result.tables) console.log(renderConsole(table));
      } catch (error) {
        console.error(`scenario ${scenario.ids.join('+')} failed:`, error);
        results.push({ tables: [{ title: `${scenario.ids.join('+')}. ${scenario.name}: failed`, columns: ['error'], rows: [[String(error instanceof Error ? error.message : error).split('\n')[0] ?? '']], notes: [] }], verdicts: [] });
      }
    }
  } finally {
    boards.dispose();
  }
  const durationS = (performance.now() - started) / 1000;
  const contention = whole();
  const doc = renderDocument({ machine, pinned, settings, results, durationS, seeds: boards.seedReports(), contention });
  // Only a complete full run replaces docs/benchmarks.md; smoke and partial runs go to bench/results/.
  const complete = !settings.quick && !settings.only && !settings.peers && process.env.BENCH_RUNS === undefined;
  const file = complete ? path.join(REPO_ROOT, 'docs', 'benchmarks.md') : path.join(BENCH_ROOT, 'results', settings.quick ? 'quick.md' : 'partial.md');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, doc);
  const summary = results.flatMap((r) => r.verdicts);
  console.log('\n== Targets');
  for (const [target, v, evidence] of summary) console.log(`${v.padEnd(4)}  ${target}\n      ${evidence}`);
  log(`other processes used ${contention.meanPct.toFixed(0)}% of the machine's CPU during the run (max ${contention.maxPct.toFixed(0)}% over ${CONTENTION_INTERVAL_S} s)`);
  log(`done in ${durationS.toFixed(0)} s; wrote ${path.relative(process.cwd(), file)}`);
  process.exit(0);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAllServers();
    process.exit(130);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  killAllServers();
  process.exit(1);
});
