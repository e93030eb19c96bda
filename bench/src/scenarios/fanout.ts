/**
 * 1. Fan-out latency and 3. server CPU. Per peer, clients join in steps (50 → 200 → 500),
 * all with presence on; 10% of them move a card every 2 s (each at its own phase). Latency
 * = time from the moment the writing client sends (the Yjs update, or Baton's moveCard
 * command) until each other client receives the frame carrying the change. After the joins
 * at the idle count, an idle window measures what 500 connected clients with presence cost.
 */
import type { BenchContext, ScenarioResult } from '../context';
import { assignCards } from '../lib/board';
import { Mirror } from '../lib/clients/mirror';
import { BEHIND_MS } from '../lib/commandTimes';
import { collectGarbage, sleep, until } from '../lib/cpu';
import { Fleet } from '../lib/fleet';
import type { CommandTimes, ServerWindow } from '../lib/ipc';
import { loadGenWindow, type LoadGenWindow } from '../lib/loadgen';
import { startPeer, type PeerId, type PeerSpec } from '../lib/peers';
import type { PreparedBoard } from '../lib/prepare';
import { atMost, cell, guard, median, verdict } from '../lib/report';
import type { Table } from '../lib/table';
import { NonceTracker } from '../lib/tracker';
import { initialStages, makeWriters, PeriodicMoves } from '../lib/workload';

interface Run {
  p50: number;
  p99: number;
  clientCpu: number;
  clientEld: number;
  serverCpuPct: number;
  serverEldMax: number;
  cpuPer1000: number;
  deliveredPct: number;
  rejected: number;
  /** Baton only (NaN for the others): its commands on the server, and the durable commit in them. */
  command: Omit<CommandTimes, 'commands'>;
}

const NO_COMMAND_TIMES: Omit<CommandTimes, 'commands'> = {
  p50: Number.NaN,
  p99: Number.NaN,
  commitP50: Number.NaN,
  commitP99: Number.NaN,
  untilOutP50: Number.NaN,
  untilOutP99: Number.NaN,
  broadcastP50: Number.NaN,
  behindPct: Number.NaN,
};

interface Idle {
  serverCpuPct: number;
  framesPerSec: number;
  clientCpu: number;
  rssMb: number;
}

interface PeerResult {
  byCount: Map<number, Run[]>;
  idle: Idle | null;
  syncMs: number[];
}

async function idleWindow(call: <T>(op: string) => Promise<T>, ms: number): Promise<Idle> {
  const end = loadGenWindow();
  await call('window.begin');
  await sleep(ms);
  const w = await call<ServerWindow>('window.end');
  return { serverCpuPct: (w.cpuMs / w.wallMs) * 100, framesPerSec: w.sentFrames / (w.wallMs / 1000), clientCpu: end().cpuPct, rssMb: w.rss / 2 ** 20 };
}

export async function fanout(ctx: BenchContext): Promise<ScenarioResult> {
  const s = ctx.settings.fanout;
  const prepared = await ctx.boards.get(s.cards);
  const results = new Map<PeerId, PeerResult>(ctx.peers.map((p) => [p.id, { byCount: new Map(), idle: null, syncMs: [] }]));
  const failures: string[] = [];
  const failed = new Set<PeerId>();
  // The peers run one after another, and this machine's speed drifts over minutes (in two runs
  // 40 minutes apart the raw floor's p50 at 500 clients was 5.2 and 10.8 ms). So each peer runs
  // in rounds, the order reversed every round: no peer gets only the early or only the late ones.
  for (let round = 0; round < s.rounds; round++) {
    const order = round % 2 === 0 ? ctx.peers : [...ctx.peers].reverse();
    for (const spec of order) {
      const result = results.get(spec.id);
      if (!result || failed.has(spec.id)) continue;
      const before = failures.length;
      await guard(ctx.log, failures, spec.label, () => measurePeer(ctx, spec, prepared, result, round));
      // A peer that failed once is not started again: its note says why.
      if (failures.length > before) failed.add(spec.id);
    }
  }
  return report(ctx, results, failures);
}

/** One round of one peer: a fresh server, clients joining in steps, windows of moves at each count (added to `result`). */
async function measurePeer(ctx: BenchContext, spec: PeerSpec, prepared: PreparedBoard, result: PeerResult, round: number): Promise<void> {
  const s = ctx.settings.fanout;
  const peer = await startPeer(spec, prepared, ctx.boards);
  const call = <T>(op: string) => peer.proc.call<T>(op);
  let fleet: Fleet | null = null;
  const tracker = new NonceTracker(() => fleet?.size ?? 0);
  fleet = new Fleet(peer.target, tracker, true);
  const mirror = spec.id === 'baton' ? null : new Mirror(prepared.update);
  const stages = initialStages(prepared.board);
  try {
    for (const n of s.counts) {
      ctx.log(`  ${spec.label}: ${n} clients${s.rounds > 1 ? ` (round ${round + 1} of ${s.rounds})` : ''}`);
      result.syncMs.push(...(await fleet.grow(n)));
      await sleep(1000);
      if (round === 0 && n === s.idleAt) result.idle = await idleWindow(call, s.idleMs);

      const movers = Math.max(1, Math.round(n * s.moverShare));
      const writers = makeWriters(fleet.clients.slice(0, movers), prepared.board, assignCards(prepared.board, movers), stages, tracker, mirror);
      const moves = new PeriodicMoves(writers, s.periodMs);
      tracker.window = -1;
      moves.start();
      await sleep(s.warmupMs);
      const windows: Array<{ id: number; server: ServerWindow; client: LoadGenWindow; t0: number; t1: number }> = [];
      for (let r = 0; r < s.windowsPerRound; r++) {
        // The load generator collects its garbage between windows, not in one: its pauses would
        // delay every peer's arrivals alike, but whichever moves happen to be in flight. Moves
        // sent meanwhile are not counted.
        tracker.window = -1;
        await sleep(300);
        collectGarbage();
        await sleep(200);
        const id = n * 100 + r;
        const end = loadGenWindow({ collect: false });
        const t0 = performance.now();
        tracker.window = id;
        await call('window.begin');
        await sleep(s.windowMs);
        const server = await call<ServerWindow>('window.end');
        windows.push({ id, server, client: end(), t0, t1: performance.now() });
      }
      tracker.window = -2;
      moves.stop();
      await until(() => windows.every((w) => tracker.missing(w.id) <= 0), 10_000);
      const runs = windows.map((w): Run => {
        const st = tracker.windowStats(w.id);
        const delivered = tracker.deliveredBetween(w.t0, w.t1);
        return {
          p50: st.latency.p(50),
          p99: st.latency.p(99),
          clientCpu: w.client.cpuPct,
          clientEld: w.client.eldP99,
          serverCpuPct: (w.server.cpuMs / w.server.wallMs) * 100,
          serverEldMax: w.server.eld.max,
          cpuPer1000: delivered > 0 ? (w.server.cpuMs / delivered) * 1000 : Number.NaN,
          deliveredPct: st.expected > 0 ? (st.delivered / st.expected) * 100 : Number.NaN,
          rejected: st.rejected,
          command: w.server.commands ?? NO_COMMAND_TIMES,
        };
      });
      result.byCount.set(n, [...(result.byCount.get(n) ?? []), ...runs]);
      await sleep(500);
    }
  } finally {
    await fleet.close();
    await peer.proc.stop();
    mirror?.destroy();
  }
}

function report(ctx: BenchContext, results: Map<PeerId, PeerResult>, failures: string[]): ScenarioResult {
  const s = ctx.settings.fanout;
  const peers = ctx.peers;
  const get = (id: PeerId, n: number, pick: (r: Run) => number) => results.get(id)?.byCount.get(n)?.map(pick);
  const rows: string[][] = [];
  const verdicts: ScenarioResult['verdicts'] = [];
  const checks: Array<boolean | null> = [];
  const evidence: string[] = [];
  for (const n of s.counts) {
    const p99 = (id: PeerId) => median(get(id, n, (r) => r.p99));
    const b = p99('baton');
    const c = [atMost(b, 3 * p99('raw')), atMost(b, p99('yws')), atMost(b, p99('hocuspocus'))];
    checks.push(...c);
    const v = verdict(c);
    evidence.push(`${n}: Baton ${b.toFixed(1)} ms vs floor ${p99('raw').toFixed(1)}, y-ws ${p99('yws').toFixed(1)}, Hocuspocus ${p99('hocuspocus').toFixed(1)}`);
    rows.push([String(n), 'p50', ...peers.map((p) => cell(get(p.id, n, (r) => r.p50), 'ms')), '', '']);
    rows.push([String(n), 'p99', ...peers.map((p) => cell(get(p.id, n, (r) => r.p99), 'ms')), '≤ 3× floor, ≤ y-ws, ≤ Hocuspocus', v]);
    const baton = (label: string, pick: (r: Run) => number, unit = 'ms', digits?: number) =>
      rows.push([String(n), label, ...peers.map((p) => (p.id === 'baton' ? cell(get(p.id, n, pick), unit, digits) : '—')), '', '']);
    baton('Baton command on the server p50', (r) => r.command.p50);
    baton('Baton command on the server p99', (r) => r.command.p99);
    baton('… until its change starts going out p50', (r) => r.command.untilOutP50);
    baton('… until its change starts going out p99', (r) => r.command.untilOutP99);
    baton('…… of which durable commit p50', (r) => r.command.commitP50);
    baton('…… of which durable commit p99', (r) => r.command.commitP99);
    baton('… sending the change to every connection p50', (r) => r.command.broadcastP50);
    baton('moves that arrived while another was in hand', (r) => r.command.behindPct, '%', 1);
    rows.push([String(n), 'delivered', ...peers.map((p) => cell(get(p.id, n, (r) => r.deliveredPct), '%', 1)), '', '']);
    rows.push([String(n), 'server CPU', ...peers.map((p) => cell(get(p.id, n, (r) => r.serverCpuPct), '%', 0)), '', '']);
    rows.push([String(n), 'server loop delay max', ...peers.map((p) => cell(get(p.id, n, (r) => r.serverEldMax), 'ms')), '', '']);
    rows.push([String(n), 'load-gen CPU', ...peers.map((p) => cell(get(p.id, n, (r) => r.clientCpu), '%', 0)), '', '']);
    rows.push([String(n), 'load-gen loop delay p99', ...peers.map((p) => cell(get(p.id, n, (r) => r.clientEld), 'ms')), '', '']);
  }
  verdicts.push(['Fan-out p99 ≤ 3× raw-ws floor and ≤ y-websocket, Hocuspocus at every client count', verdict(checks), evidence.join('; ')]);
  const fanTable: Table = {
    title: '1. Fan-out latency (move on one client → frame at every other client), 1,000-card board, 10% movers every 2 s, presence on',
    columns: ['clients', 'figure', ...peers.map((p) => p.label), 'target', 'Baton'],
    rows,
    notes: [
      `median (min–max) over ${s.rounds * s.windowsPerRound} run(s) of ${s.windowMs / 1000} s after ${s.warmupMs / 1000} s warm-up, the load generator's garbage collected before each${s.rounds > 1 ? `; in ${s.rounds} rounds with a fresh server each, the peers' order reversed every round (${ctx.peers.map((p) => p.label).join(' → ')}, then back)` : ''}; percentiles pool all (move, receiver) pairs of a run.`,
      'delivered = share of expected (move, receiver) arrivals seen; load-gen CPU near 100% or a large load-gen loop delay would mean the load generator, not the server, limits the figures.',
      'Baton movers send a moveCard command (the server validates, commits to SQLite with fsync, applies; the fsync alone is the "durable commit on that disk" of the Machine table); the other peers receive a direct Yjs write of the same fields and keep it in memory (Hocuspocus stores it 2–10 s later).',
      'presence: every client announces itself and renews its awareness state every 15–18 s as y-protocols does. The other peers send each renewal to every client; Baton drops awareness on a board (nothing there reads it) and sends its own list of who is there on each join and leave (ADR 0009), so its windows carry no presence traffic.',
      `Baton command on the server: measured in Baton's process, from its handler receiving a command until the change has gone out to every connection and is appended to the update log. Until its change starts going out: parse, checks, decision, durable commit and the Yjs transaction, all Baton's own work; the durable commit is the SQLite transaction with its fsync, which every Baton move waits for before anyone sees it. Sending the change to every connection is the part every peer does (the other peers relay the write as it arrives). Moves that arrived while another was in hand wait for it, mostly unread in their socket while the server sends the earlier change (counted when the command reaches its handler while the earlier one runs or within ${BEHIND_MS} ms of its end, see commandTimes.ts), for up to one "Baton command on the server" time, which the server cannot see. They are a few percent of the moves, but each is delivered to every client, so they are the pairs a window's p99 is made of.`,
      ...failures,
    ],
  };
  const cpuRows: string[][] = [
    ['CPU per 1,000 delivered updates', `${s.cpuAt} clients`, ...peers.map((p) => cell(get(p.id, s.cpuAt, (r) => r.cpuPer1000), 'ms')), '—', ''],
    ['server CPU while moving', `${s.cpuAt} clients`, ...peers.map((p) => cell(get(p.id, s.cpuAt, (r) => r.serverCpuPct), '%', 0)), '—', ''],
    ['idle server CPU', `${s.idleAt} clients`, ...peers.map((p) => cell(results.get(p.id)?.idle ? [results.get(p.id)?.idle?.serverCpuPct ?? 0] : undefined, '%', 1)), '—', ''],
    ['idle frames sent', `${s.idleAt} clients`, ...peers.map((p) => cell(results.get(p.id)?.idle ? [results.get(p.id)?.idle?.framesPerSec ?? 0] : undefined, '/s', 0)), '—', ''],
    ['idle server RSS', `${s.idleAt} clients`, ...peers.map((p) => cell(results.get(p.id)?.idle ? [results.get(p.id)?.idle?.rssMb ?? 0] : undefined, 'MB', 0)), '—', ''],
    ['idle load-gen CPU', `${s.idleAt} clients`, ...peers.map((p) => cell(results.get(p.id)?.idle ? [results.get(p.id)?.idle?.clientCpu ?? 0] : undefined, '%', 0)), '—', ''],
  ];
  const cpuTable: Table = {
    title: '3. Server CPU per delivered update, and idle cost with presence',
    columns: ['figure', 'at', ...peers.map((p) => p.label), 'target', ''],
    rows: cpuRows,
    notes: [
      'CPU = user+system time of the server process (all threads) over the fan-out windows, divided by the (move, receiver) arrivals in the same windows; it includes the presence traffic.',
      `idle: ${s.idleMs / 1000} s with no moves; every client renews its awareness state every 15–18 s as y-protocols does, and each renewal goes to every client, except on Baton (ADR 0009: nothing on a board reads awareness, so it goes to no one).`,
    ],
  };
  return { tables: [fanTable, cpuTable], verdicts };
}
