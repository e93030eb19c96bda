/**
 * Run sizes. `BENCH_QUICK=1` is a smoke run (~2–3 minutes: smaller counts and boards, one
 * measured run, no warm-up runs); the default is the full run. `BENCH_ONLY=1,2` picks
 * scenarios, `BENCH_PEERS=baton,yws` peers, `BENCH_RUNS` the number of measured runs,
 * `BENCH_RESEED=1` re-seeds the cached Baton boards. Only a complete full run writes
 * docs/benchmarks.md; the others write bench/results/{quick,partial}.md. `BENCH_COUNTS=50,200` picks
 * the fan-out client counts, `BENCH_ROUNDS` how many rounds the fan-out's peers run in (full run: 2);
 * `BENCH_TRACE=1` passes the servers' stdout and stderr through (with
 * `BENCH_SERVER_NODE_ARGS=--trace-gc`, their garbage collections).
 */
export interface Settings {
  quick: boolean;
  only: Set<number> | null;
  peers: Set<string> | null;
  runs: number;
  /** Runs before the measured ones whose figures are thrown away (process starts, storms, browser contexts). */
  warmupRuns: number;
  users: number;
  fanout: { cards: number; counts: number[]; rounds: number; windowsPerRound: number; moverShare: number; periodMs: number; warmupMs: number; windowMs: number; idleMs: number; cpuAt: number; idleAt: number };
  storm: { cards: number; clients: number; spreadMs: number };
  memory: { sizes: number[]; clients: number; bigCycles: number };
  load: { sizes: number[]; herd: number; herdCards: number; herdRuns: number };
  persistence: { cards: number; movesPerSecond: number; movers: number; warmupMs: number; windowMs: number; windows: number; budgetMs: number };
  browser: { cards: number };
}

const list = (v: string | undefined) => (v ? new Set(v.split(',').map((s) => s.trim()).filter(Boolean)) : null);

export function readSettings(env: NodeJS.ProcessEnv): Settings {
  const quick = env.BENCH_QUICK === '1';
  const only = list(env.BENCH_ONLY);
  const big = quick ? 1000 : 10_000;
  const fanoutRounds = quick ? 1 : Number(env.BENCH_ROUNDS ?? 2);
  return {
    quick,
    only: only ? new Set([...only].map(Number)) : null,
    peers: list(env.BENCH_PEERS),
    runs: Number(env.BENCH_RUNS ?? (quick ? 1 : 3)),
    warmupRuns: quick ? 0 : 1,
    users: 50,
    fanout: {
      cards: 1000,
      counts: env.BENCH_COUNTS ? env.BENCH_COUNTS.split(',').map(Number) : quick ? [50] : [50, 200, 500],
      // Each peer runs in rounds, the order reversed every round (see fanout.ts): the machine's speed drifts over minutes.
      rounds: fanoutRounds,
      // A window's p99 at 50 clients rests on its slowest one or two moves, so the median needs more of them (6) than the other scenarios do.
      windowsPerRound: Math.ceil(Number(env.BENCH_RUNS ?? (quick ? 1 : 6)) / fanoutRounds),
      moverShare: 0.1,
      periodMs: 2000,
      warmupMs: quick ? 1500 : 2000,
      // A p99 over 3 s of moves was the slowest one or two moves at 50 clients (7 moves); 8 s gives each run ~20 at 50 clients.
      windowMs: quick ? 3000 : 8000,
      idleMs: quick ? 3000 : 10_000,
      cpuAt: quick ? 50 : 200,
      idleAt: quick ? 50 : 500,
    },
    storm: { cards: 1000, clients: quick ? 100 : 400, spreadMs: 100 },
    memory: { sizes: quick ? [1000] : [1000, 10_000], clients: 50, bigCycles: quick ? 1 : 2 },
    load: { sizes: quick ? [1000] : [1000, 10_000], herd: quick ? 50 : 200, herdCards: big, herdRuns: 1 },
    persistence: { cards: big, movesPerSecond: 25, movers: 10, warmupMs: quick ? 1500 : 3000, windowMs: quick ? 4000 : 6000, windows: quick ? 1 : 2, budgetMs: quick ? 10_000 : 20_000 },
    browser: { cards: quick ? 1000 : 5000 },
  };
}
