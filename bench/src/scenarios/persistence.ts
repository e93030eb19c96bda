/**
 * 6. Persistence under load: a 10,000-card board receives 25 moves/s (10 clients, each
 * moving every 400 ms) while the server persists it: Baton appends every update and compacts
 * every 500; stock Hocuspocus stores the whole document 2 s after the last change (at most
 * every 10 s). Measured: the server's event-loop delay, moves applied per second, and for
 * Baton the command answer time.
 */
import type { BenchContext, ScenarioResult } from '../context';
import { assignCards } from '../lib/board';
import { Mirror } from '../lib/clients/mirror';
import { collectGarbage, sleep, until } from '../lib/cpu';
import { Fleet } from '../lib/fleet';
import type { ServerWindow } from '../lib/ipc';
import { loadGenWindow } from '../lib/loadgen';
import { startPeer, type PeerId } from '../lib/peers';
import { cell } from '../lib/report';
import { NonceTracker } from '../lib/tracker';
import { initialStages, makeWriters, PeriodicMoves } from '../lib/workload';

/** How long to wait, after the moves stop, for the last changes to arrive. */
const DRAIN_MS = 15_000;

interface Run {
  eldP50: number;
  eldP99: number;
  eldMax: number;
  sentPerSec: number;
  appliedPerSec: number;
  fanP99: number;
  ackP50: number;
  ackP99: number;
  serverCpu: number;
  clientCpu: number;
}

export async function persistence(ctx: BenchContext): Promise<ScenarioResult> {
  const s = ctx.settings.persistence;
  const peers = ctx.peers.filter((p) => p.persistent);
  const prepared = await ctx.boards.get(s.cards);
  const results = new Map<PeerId, Run[]>();
  const backlog = new Map<PeerId, number>();
  for (const spec of peers) {
    ctx.log(`  ${spec.label}: ${s.cards} cards, ${s.movesPerSecond} moves/s`);
    const peer = await startPeer(spec, prepared, ctx.boards);
    let fleet: Fleet | null = null;
    const tracker = new NonceTracker(() => fleet?.size ?? 0);
    fleet = new Fleet(peer.target, tracker, false);
    const mirror = spec.id === 'baton' ? null : new Mirror(prepared.update);
    const runs: Run[] = [];
    results.set(spec.id, runs);
    try {
      await fleet.grow(s.movers);
      const writers = makeWriters(fleet.clients, prepared.board, assignCards(prepared.board, s.movers), initialStages(prepared.board), tracker, mirror);
      const moves = new PeriodicMoves(writers, (s.movers / s.movesPerSecond) * 1000);
      tracker.window = -1;
      collectGarbage();
      moves.start();
      await sleep(s.warmupMs);
      const windows: Array<{ id: number; w: ServerWindow; client: number; t0: number; t1: number }> = [];
      const started = performance.now();
      // A server that cannot keep up stops answering IPC while it works through its backlog, which
      // stretches its windows: no new window starts once the time budget is spent.
      for (let r = 0; r < Math.min(ctx.settings.runs, s.windows) && performance.now() - started < s.budgetMs; r++) {
        const id = 2000 + r;
        const end = loadGenWindow({ collect: false });
        const t0 = performance.now();
        tracker.window = id;
        await peer.proc.call('window.begin');
        await sleep(s.windowMs);
        const w = await peer.proc.call<ServerWindow>('window.end');
        windows.push({ id, w, client: end().cpuPct, t0, t1: performance.now() });
      }
      tracker.window = -2;
      moves.stop();
      backlog.set(spec.id, tracker.totalSent - tracker.totalAnswered);
      await until(() => windows.every((x) => tracker.missing(x.id) <= 0), DRAIN_MS, 50);
      for (const x of windows) {
        const st = tracker.windowStats(x.id);
        const secs = (x.t1 - x.t0) / 1000;
        runs.push({
          eldP50: x.w.eld.p50,
          eldP99: x.w.eld.p99,
          eldMax: x.w.eld.max,
          sentPerSec: st.sent / secs,
          // Moves whose change reached the other clients within the window.
          appliedPerSec: tracker.deliveredBetween(x.t0, x.t1) / Math.max(1, s.movers - 1) / secs,
          fanP99: st.latency.p(99),
          ackP50: st.ack.p(50),
          ackP99: st.ack.p(99),
          serverCpu: (x.w.cpuMs / x.w.wallMs) * 100,
          clientCpu: x.client,
        });
      }
    } catch (error) {
      ctx.log(`  ${spec.label} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await fleet.close();
      // An overloaded server may still be working through queued commands: do not wait for it.
      await peer.proc.stop(5000);
      mirror?.destroy();
    }
  }
  const col = (pick: (r: Run) => number, unit: string, digits?: number) => peers.map((p) => cell(results.get(p.id)?.map(pick), unit, digits));
  return {
    tables: [
      {
        title: `6. Persistence under load: ${s.cards}-card board, ${s.movesPerSecond} moves/s from ${s.movers} clients`,
        columns: ['figure', ...peers.map((p) => p.label)],
        rows: [
          ['event-loop delay p50', ...col((r) => r.eldP50, 'ms')],
          ['event-loop delay p99', ...col((r) => r.eldP99, 'ms')],
          ['event-loop delay max', ...col((r) => r.eldMax, 'ms')],
          ['moves sent /s', ...col((r) => r.sentPerSec, '', 1)],
          ['moves applied and delivered /s', ...col((r) => r.appliedPerSec, '', 1)],
          ['move → other clients p99', ...col((r) => r.fanP99, 'ms')],
          ['command answered p50 (Baton)', ...col((r) => r.ackP50, 'ms')],
          ['command answered p99 (Baton)', ...col((r) => r.ackP99, 'ms')],
          ['unanswered commands when the moves stopped', ...peers.map((p) => (p.id === 'baton' ? String(backlog.get(p.id) ?? 'n/a') : 'n/a'))],
          ['windows measured', ...peers.map((p) => String(results.get(p.id)?.length ?? 0))],
          ['server CPU', ...col((r) => r.serverCpu, '%', 0)],
          ['load-gen CPU', ...col((r) => r.clientCpu, '%', 0)],
        ],
        notes: [
          `median (min–max) over up to ${Math.min(ctx.settings.runs, s.windows)} window(s) of ${s.windowMs / 1000} s after ${s.warmupMs / 1000} s of moves (no new window after ${s.budgetMs / 1000} s: a server whose event loop is blocked answers late and stretches its windows); y-websocket and the raw floor do not persist and are left out.`,
          'applied and delivered = (move, receiver) arrivals in the window ÷ receivers per move ÷ seconds: the rate the server actually turns moves into visible changes.',
        ],
      },
    ],
    verdicts: [],
  };
}
