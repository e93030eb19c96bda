/**
 * 2. Write storm: every one of 400 connected clients (no presence) writes once, at a random
 * moment within 100 ms. Measured: websocket frames the server sends from the first write
 * until 300 ms after all clients agree, the server's event-loop delay, and the time from
 * the first write until every client has received every write.
 */
import type { BenchContext, ScenarioResult } from '../context';
import { assignCards } from '../lib/board';
import { Mirror } from '../lib/clients/mirror';
import { sleep, until } from '../lib/cpu';
import { Fleet } from '../lib/fleet';
import type { ServerWindow } from '../lib/ipc';
import { loadGenWindow } from '../lib/loadgen';
import { startPeer, type PeerId } from '../lib/peers';
import { atMost, cell, guard, median, verdict } from '../lib/report';
import { NonceTracker } from '../lib/tracker';
import { initialStages, makeWriters } from '../lib/workload';

interface Run {
  frames: number;
  agreeMs: number;
  eldP99: number;
  eldMax: number;
  p99: number;
  deliveredPct: number;
  clientCpu: number;
  rejected: number;
}

export async function storm(ctx: BenchContext): Promise<ScenarioResult> {
  const s = ctx.settings.storm;
  const prepared = await ctx.boards.get(s.cards);
  const results = new Map<PeerId, Run[]>();
  const failures: string[] = [];
  for (const spec of ctx.peers) await guard(ctx.log, failures, spec.label, async () => {
    ctx.log(`  ${spec.label}: ${s.clients} clients`);
    const peer = await startPeer(spec, prepared, ctx.boards);
    let fleet: Fleet | null = null;
    const tracker = new NonceTracker(() => fleet?.size ?? 0);
    fleet = new Fleet(peer.target, tracker, false);
    const mirror = spec.id === 'baton' ? null : new Mirror(prepared.update);
    const runs: Run[] = [];
    results.set(spec.id, runs);
    try {
      await fleet.grow(s.clients);
      const writers = makeWriters(fleet.clients, prepared.board, assignCards(prepared.board, s.clients), initialStages(prepared.board), tracker, mirror);
      if (writers.some((w) => !w.hasCards)) throw new Error('some storm writers have no card to move');
      await sleep(1000);
      for (let r = -ctx.settings.warmupRuns; r < ctx.settings.runs; r++) {
        const id = 1000 + r;
        const end = loadGenWindow();
        await peer.proc.call('window.begin');
        tracker.window = id;
        for (const w of writers) setTimeout(() => w.move(), Math.random() * s.spreadMs);
        const st = tracker.windowStats(id);
        const agreed = await until(() => st.sent === writers.length && tracker.missing(id) <= 0, 60_000);
        const agreeMs = agreed ? st.lastSeenAt - st.firstSendAt : Number.NaN;
        await sleep(300);
        const server = await peer.proc.call<ServerWindow>('window.end');
        const run: Run = {
          frames: server.sentFrames,
          agreeMs,
          eldP99: server.eld.p99,
          eldMax: server.eld.max,
          p99: st.latency.p(99),
          deliveredPct: (st.delivered / Math.max(1, st.expected)) * 100,
          clientCpu: end().cpuPct,
          rejected: st.rejected,
        };
        if (r >= 0) runs.push(run);
        await sleep(500);
      }
    } finally {
      await fleet.close();
      await peer.proc.stop();
      mirror?.destroy();
    }
  });

  const peers = ctx.peers;
  const col = (pick: (r: Run) => number, unit: string, digits?: number) => peers.map((p) => cell(results.get(p.id)?.map(pick), unit, digits));
  const batonFrames = median(results.get('baton')?.map((r) => r.frames));
  const v = verdict([atMost(batonFrames, 2 * s.clients)]);
  return {
    tables: [
      {
        title: `2. Write storm: ${s.clients} clients each write once within ${s.spreadMs} ms (1,000-card board, presence off)`,
        columns: ['figure', ...peers.map((p) => p.label), 'target', 'Baton'],
        rows: [
          ['messages sent by the server', ...col((r) => r.frames, '', 0), `≤ 2× clients (${2 * s.clients})`, v],
          ['messages per client', ...col((r) => r.frames / s.clients, '', 1), '≤ 2', ''],
          ['time until all agree', ...col((r) => r.agreeMs, 'ms'), '—', ''],
          ['event-loop delay p99', ...col((r) => r.eldP99, 'ms'), '—', ''],
          ['event-loop delay max', ...col((r) => r.eldMax, 'ms'), '—', ''],
          ['write → receiver p99', ...col((r) => r.p99, 'ms'), '—', ''],
          ['delivered', ...col((r) => r.deliveredPct, '%', 1), '', ''],
          ['rejected commands', ...col((r) => r.rejected, '', 0), '', ''],
          ['load-gen CPU', ...col((r) => r.clientCpu, '%', 0), '', ''],
        ],
        notes: [
          `median (min–max) over ${ctx.settings.runs} storm(s) after ${ctx.settings.warmupRuns} warm-up storm(s); each client moves one of its own cards.`,
          'messages = websocket frames the server sent (document updates, acks/sync-status answers, stateless messages) from the first write until 300 ms after all clients agreed.',
          '"all agree" = every client has received every write of the storm; measured from the first write sent.',
          ...failures,
        ],
      },
    ],
    verdicts: [[`Storm messages ≤ 2× clients (${2 * s.clients})`, v, `Baton sent ${Number.isFinite(batonFrames) ? batonFrames.toFixed(0) : 'n/a'} frames for ${s.clients} writes`]],
  };
}
