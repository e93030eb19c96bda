/**
 * 4. Memory per loaded board. In a fresh server process: heap after GC with nothing loaded
 * (baseline), after loading the board through a direct connection (0 clients), with 50
 * clients connected, and after the clients leave and the board is unloaded. The reference
 * is a bare Y.Doc holding the same document state (as a client receives it), measured in a
 * separate process.
 *
 * Each cycle's board is measured against the heap with nothing loaded just before its own
 * load. What V8 compiles and optimises for a cycle's connections (0.7–0.9 MB after the first
 * 50 clients: code, bytecode and feedback of Yjs, Hocuspocus, ws, Node and the server itself)
 * stays in the heap after the board is unloaded: against the first baseline it would be
 * counted as memory of every later board.
 * What does stay after unloading is still reported, against the first baseline.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchContext, ScenarioResult } from '../context';
import { DOC_NAME } from '../lib/board';
import { startServerProcess } from '../lib/child';
import { BenchClient } from '../lib/clients/BenchClient';
import { sleep } from '../lib/cpu';
import { Fleet } from '../lib/fleet';
import { mb } from '../lib/format';
import type { MemoryReport } from '../lib/ipc';
import { startPeer, type PeerId } from '../lib/peers';
import { atMost, cell, guard, median, verdict } from '../lib/report';

/** Memory a board holds: the JS heap plus array buffers (card values are byte arrays, kept outside the heap). */
const held = (m: MemoryReport) => m.heapUsed + m.arrayBuffers;

interface Cycle {
  loaded: number;
  withClients: number;
  afterUnload: number;
  rssAfterUnload: number;
  unloaded: boolean;
}

interface Result {
  bare: number;
  stateBytes: number;
  cycles: Cycle[];
}

/** Processes the bare Y.Doc reference is measured in, one decode each: a second decode in the same process is not reliable (the first one's memory is given back while it is measured). */
const BARE_SAMPLES = 3;

/** The heap (and array buffers) of a bare Y.Doc holding the state in `file`: the median over fresh processes. */
async function bareDocHeap(file: string): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < BARE_SAMPLES; i++) {
    const bare = await startServerProcess('bare.ts', {});
    try {
      samples.push((await bare.call<{ heapUsed: number }>('ydoc', { file })).heapUsed);
    } finally {
      await bare.stop();
    }
  }
  return median(samples);
}

export async function memory(ctx: BenchContext): Promise<ScenarioResult> {
  const s = ctx.settings.memory;
  const peers = ctx.peers.filter((p) => p.persistent);
  const results = new Map<string, Result>();
  const key = (id: PeerId, n: number) => `${id}:${n}`;
  const failures: string[] = [];
  for (const spec of peers) {
    for (const n of s.sizes) await guard(ctx.log, failures, `${spec.label} (${n} cards)`, async () => {
      ctx.log(`  ${spec.label}: ${n} cards`);
      const prepared = await ctx.boards.get(n);
      const peer = await startPeer(spec, prepared, ctx.boards);
      const call = <T>(op: string, args?: unknown) => peer.proc.call<T>(op, args);
      try {
        await sleep(500);
        // One unmeasured load → client → unload first: what a process sets up once (lazy
        // modules, prepared statements, caches) is not memory per board.
        await call('load', { name: DOC_NAME });
        const warm = new BenchClient(0, peer.target, null);
        await warm.connect();
        await warm.close();
        await call('unload', { name: DOC_NAME });
        const base = await call<MemoryReport>('gc');
        /** The heap with nothing loaded just before this cycle's load. */
        let empty = base;
        const cycles: Cycle[] = [];
        let state: Uint8Array | null = null;
        const cycleCount = n >= 10_000 ? Math.min(ctx.settings.runs, s.bigCycles) : ctx.settings.runs;
        for (let r = 0; r < cycleCount; r++) {
          await call('load', { name: DOC_NAME });
          const loaded = await call<MemoryReport>('gc');
          if (!state) {
            const probe = new BenchClient(0, peer.target, null, { keepState: true });
            await probe.connect();
            state = probe.state;
            await probe.close();
          }
          const fleet = new Fleet(peer.target, null, true);
          await fleet.grow(s.clients);
          await sleep(1000);
          const withClients = await call<MemoryReport>('gc');
          await fleet.close();
          await sleep(1000);
          const unloaded = await call<boolean>('unload', { name: DOC_NAME });
          const after = await call<MemoryReport>('gc');
          const cycle: Cycle = {
            loaded: held(loaded) - held(empty),
            withClients: held(withClients) - held(empty),
            afterUnload: held(after) - held(base),
            rssAfterUnload: after.rss - base.rss,
            unloaded: unloaded && after.documents === 0,
          };
          cycles.push(cycle);
          if (cycle.unloaded) empty = after;
        }
        if (!state) throw new Error('no document state received');
        const file = path.join(ctx.boards.workDir, `state-${spec.id}-${n}.bin`);
        writeFileSync(file, state);
        results.set(key(spec.id, n), { bare: await bareDocHeap(file), stateBytes: state.byteLength, cycles });
      } finally {
        await peer.proc.stop();
      }
    });
  }

  const rows: string[][] = [];
  const checks: Array<boolean | null> = [];
  const evidence: string[] = [];
  for (const n of s.sizes) {
    const r = (id: PeerId) => results.get(key(id, n));
    const figure = (label: string, pick: (x: Result) => number[] | undefined, unit: string, target = '', v = '') =>
      rows.push([String(n), label, ...peers.map((p) => { const x = r(p.id); return x ? cell(pick(x), unit, 1) : 'n/a'; }), target, v]);
    const b = r('baton');
    const ratio = b ? median(b.cycles.map((c) => c.loaded)) / b.bare : Number.NaN;
    const check = atMost(ratio, 1.2);
    checks.push(check);
    evidence.push(`${n} cards: ${Number.isFinite(ratio) ? ratio.toFixed(2) : 'n/a'}× a bare Y.Doc`);
    figure('document state (wire)', (x) => [mb(x.stateBytes)], 'MB');
    figure('bare Y.Doc of that state', (x) => [mb(x.bare)], 'MB');
    figure('board loaded, 0 clients', (x) => x.cycles.map((c) => mb(c.loaded)), 'MB');
    figure('  ÷ bare Y.Doc', (x) => x.cycles.map((c) => c.loaded / x.bare), '×', '≤ 1.2×', verdict([check]));
    figure('board loaded, 50 clients', (x) => x.cycles.map((c) => mb(c.withClients)), 'MB');
    figure('heap after unload − baseline', (x) => x.cycles.map((c) => mb(c.afterUnload)), 'MB');
    figure('RSS after unload − baseline', (x) => x.cycles.map((c) => mb(c.rssAfterUnload)), 'MB');
    rows.push([String(n), 'document unloaded', ...peers.map((p) => { const x = r(p.id); return x ? `${x.cycles.filter((c) => c.unloaded).length}/${x.cycles.length}` : 'n/a'; }), '', '']);
  }
  return {
    tables: [
      {
        title: '4. Memory per loaded board (JS heap + array buffers after full GC, relative to the same process with nothing loaded)',
        columns: ['cards', 'figure', ...peers.map((p) => p.label), 'target', 'Baton'],
        rows,
        notes: [
          `median (min–max) over ${ctx.settings.runs} load → 50 clients → unload cycle(s) in one server process (${s.bigCycles} at 10,000 cards), after one unmeasured cycle (one-time process set-up is not per-board memory); each cycle's board against the heap with nothing loaded just before its load (code compiled for earlier cycles' clients is not memory of this board), after unload against the first baseline; y-websocket and the raw floor are left out (no unload / no document).`,
          "Baton's figure with 50 clients includes the one encoding of the board that served their joins (see JoinCache: about the size of the document state, dropped 5 s after the last join).",
          `bare Y.Doc = heap + array buffers of \`new Y.Doc()\` + \`applyUpdate(state)\` in a separate process (after one unmeasured decode of the same state), the median over ${BARE_SAMPLES} such processes, state = what a client receives when it joins that peer (sync step 2, and for Baton the update before it).`,
          ...failures,
        ],
      },
    ],
    verdicts: [['Memory per board ≤ 1.2× a bare Y.Doc of the same content', verdict(checks), evidence.join('; ')]],
  };
}
