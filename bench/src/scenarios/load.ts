/**
 * 5. Board load: connect → synced for one client. Cold = the first client of a fresh server
 * process (the board is read from disk); warm = a further client while the board is loaded.
 * Join herd: 200 clients connect at once to a warm board.
 */
import type { BenchContext, ScenarioResult } from '../context';
import { DOC_NAME } from '../lib/board';
import { BenchClient } from '../lib/clients/BenchClient';
import { sleep } from '../lib/cpu';
import type { ServerWindow } from '../lib/ipc';
import { loadGenWindow } from '../lib/loadgen';
import { startPeer, type PeerId, type PeerSpec } from '../lib/peers';
import type { PreparedBoard } from '../lib/prepare';
import { atMost, cell, guard, median, verdict } from '../lib/report';
import { percentile } from '../lib/stats';

interface Herd {
  synced: number;
  allMs: number;
  p50: number;
  p99: number;
  eldMax: number;
  serverCpuMs: number;
  clientCpu: number;
}

const WARM_CLIENTS = 3;
const HERD_TIMEOUT_MS = 240_000;

/** One herd on a fresh server: a keeper client loads the board, then `size` clients connect at once. */
async function herd(spec: PeerSpec, prepared: PreparedBoard, ctx: BenchContext, size: number): Promise<Herd> {
  const peer = await startPeer(spec, prepared, ctx.boards);
  const keeper = new BenchClient(size + 1, peer.target, null);
  const clients = Array.from({ length: size }, (_, i) => new BenchClient(i, peer.target, null));
  try {
    await keeper.connect();
    await sleep(500);
    const end = loadGenWindow();
    await peer.proc.call('window.begin');
    const settled = await Promise.allSettled(clients.map((c) => c.connect(HERD_TIMEOUT_MS)));
    const w = await peer.proc.call<ServerWindow>('window.end');
    const times = settled.flatMap((x) => (x.status === 'fulfilled' ? [x.value] : [])).sort((a, b) => a - b);
    return {
      synced: times.length,
      allMs: times.length === size ? (times[times.length - 1] ?? Number.NaN) : Number.NaN,
      p50: percentile(times, 50),
      p99: percentile(times, 99),
      eldMax: w.eld.max,
      serverCpuMs: w.cpuMs,
      clientCpu: end().cpuPct,
    };
  } finally {
    for (let i = 0; i < clients.length; i += 50) await Promise.all(clients.slice(i, i + 50).map((c) => c.close()));
    await keeper.close();
    await peer.proc.stop(10_000);
  }
}

export async function load(ctx: BenchContext): Promise<ScenarioResult> {
  const s = ctx.settings.load;
  const peers = ctx.peers.filter((p) => p.id !== 'raw');
  const cold = new Map<string, number[]>();
  const reload = new Map<string, number[]>();
  const warm = new Map<string, number[]>();
  const herds = new Map<PeerId, Herd[]>();
  const key = (id: PeerId, n: number) => `${id}:${n}`;

  const failures: string[] = [];
  for (const spec of peers) {
    for (const n of s.sizes) await guard(ctx.log, failures, `${spec.label} load (${n} cards)`, async () => {
      ctx.log(`  ${spec.label}: ${n} cards, cold and warm`);
      const prepared = await ctx.boards.get(n);
      const colds: number[] = [];
      const reloads: number[] = [];
      const warms: number[] = [];
      let dataDir: string | undefined;
      // Warm-up process start(s) (not recorded; before the first size only), then the measured runs; all on the same data.
      const warmups = n === s.sizes[0] ? ctx.settings.warmupRuns : 0;
      for (let r = -warmups; r < ctx.settings.runs; r++) {
        const peer = await startPeer(spec, prepared, ctx.boards, { dataDir });
        dataDir = peer.dataDir ?? undefined;
        try {
          await sleep(300);
          const first = new BenchClient(0, peer.target, null);
          const coldMs = await first.connect();
          if (r >= 0 && spec.persistent) colds.push(coldMs);
          for (let k = 1; k <= WARM_CLIENTS; k++) {
            const c = new BenchClient(k, peer.target, null);
            const ms = await c.connect();
            if (r >= 0) warms.push(ms);
            await c.close();
          }
          await first.close();
          // The same board again once the running server has unloaded it: read from disk by a warm process.
          if (spec.persistent && (await peer.proc.call<boolean>('unload', { name: DOC_NAME }))) {
            const again = new BenchClient(0, peer.target, null);
            const ms = await again.connect();
            if (r >= 0) reloads.push(ms);
            await again.close();
          }
        } finally {
          await peer.proc.stop();
        }
      }
      cold.set(key(spec.id, n), colds);
      reload.set(key(spec.id, n), reloads);
      warm.set(key(spec.id, n), warms);
    });

    await guard(ctx.log, failures, `${spec.label} herd`, async () => {
      ctx.log(`  ${spec.label}: join herd of ${s.herd} on a warm ${s.herdCards}-card board`);
      const prepared = await ctx.boards.get(s.herdCards);
      const runs: Herd[] = [];
      for (let r = 0; r < s.herdRuns; r++) runs.push(await herd(spec, prepared, ctx, s.herd));
      herds.set(spec.id, runs);
    });
  }

  const rows: string[][] = [];
  const big = Math.max(...s.sizes);
  for (const n of s.sizes) {
    rows.push([`cold load, ${n} cards`, ...peers.map((p) => (p.persistent ? cell(cold.get(key(p.id, n)), 'ms') : 'n/a (in memory)')), n === big ? '≤ 600 ms (10,000 cards)' : '—', '']);
    rows.push([`cold load in a running server (board unloaded), ${n} cards`, ...peers.map((p) => (p.persistent ? cell(reload.get(key(p.id, n)), 'ms') : 'n/a (in memory)')), '—', '']);
    rows.push([`warm load, ${n} cards`, ...peers.map((p) => cell(warm.get(key(p.id, n)), 'ms')), '—', '']);
  }
  const h = (pick: (x: Herd) => number, unit: string, digits?: number) => peers.map((p) => cell(herds.get(p.id)?.map(pick), unit, digits));
  rows.push([`herd of ${s.herd}: clients synced`, ...h((x) => x.synced, '', 0), '—', '']);
  rows.push([`herd of ${s.herd}: all synced`, ...h((x) => x.allMs, 'ms'), '—', '']);
  rows.push([`herd of ${s.herd}: p50 connect→synced`, ...h((x) => x.p50, 'ms'), '—', '']);
  rows.push([`herd of ${s.herd}: p99 connect→synced`, ...h((x) => x.p99, 'ms'), '—', '']);
  rows.push([`herd: server loop delay max`, ...h((x) => x.eldMax, 'ms'), '—', '']);
  rows.push([`herd: server CPU`, ...h((x) => x.serverCpuMs, 'ms'), '—', '']);
  rows.push([`herd: load-gen CPU`, ...h((x) => x.clientCpu, '%', 0), '—', '']);
  const coldBig = median(cold.get(key('baton', big)));
  const v = verdict([big >= 10_000 ? atMost(coldBig, 600) : null]);
  const coldRow = rows.find((r) => r[0] === `cold load, ${big} cards`);
  if (coldRow) coldRow[coldRow.length - 1] = v;
  return {
    tables: [
      {
        title: '5. Board load (connect → synced) and join herd',
        columns: ['figure', ...peers.map((p) => p.label), 'target', 'Baton'],
        rows,
        notes: [
          `cold: first client of a fresh server process (process start and first use of every code path included); cold in a running server: the same board again after the server unloaded it (${ctx.settings.runs} process start(s) per size, after ${ctx.settings.warmupRuns} warm-up start(s) per peer); warm: ${WARM_CLIENTS} more clients per start while the board is loaded. Time from opening the socket until sync step 2 has arrived (Baton: login token obtained beforehand).`,
          `herd: a fresh server per run (${s.herdRuns} run(s): a herd of full-state syncs of a big board takes tens of seconds, so it is not repeated in the 15-minute budget); one client loads the ${s.herdCards}-card board and stays, then ${s.herd} clients open their sockets at the same moment; the server window covers the whole herd.`,
          'y-websocket keeps documents in memory only (the board is built when the first client asks for it), so it has no cold load.',
          ...failures,
        ],
      },
    ],
    verdicts: [[`10,000-card cold load ≤ 600 ms`, v, big >= 10_000 ? `Baton median ${Number.isFinite(coldBig) ? coldBig.toFixed(0) : 'n/a'} ms` : `not measured at 10,000 cards in this run (largest: ${big})`]],
  };
}
