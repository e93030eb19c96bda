/**
 * The crash loop: server processes run the set workload (see workload.ts) and are killed with
 * SIGKILL at random moments, many times, then restarted on the same data. After each restart
 * the new process is read through fresh clients; at the end every process is read, stopped
 * gracefully, and the store itself is read. The report counts acknowledged values that any
 * read missed (lost), values present more than once (duplicated) and refused commands that
 * took effect anyway.
 *
 * Knobs (environment): CRASH_CYCLES (kill cycles per backend, default 50), CRASH_SEED (replay a
 * run's random choices), CRASH_DEBUG=1 (per-cycle timings and counts), CRASH_LOG_DIR (keep every
 * server process's output there, with info logs), CRASH_TSX=1 (start servers under tsx instead of
 * the bundle, see bundle.ts), CRASH_KEEP=1 (PostgreSQL variants: keep the database, print its URL).
 */
import { expect } from 'vitest';
import type { Store } from '@baton/persistence';
import { cardDocName } from '@baton/shared-types';
import { cardOf, connectClient } from '../../support/client';
import { login } from '../../support/http';
import { openSession, type Session } from './session';
import { createdTitles, loadStoredBoard, loadStoredDoc } from './storeCheck';
import { WarmServers, type CrashServer, type ServerEnv } from './warmServers';
import { seededRng, SetWorkload, sleep, type Observation } from './workload';

export interface CrashOptions {
  label: string;
  /** Server processes sharing the store; with 2, one of them is killed each cycle. */
  processes: 1 | 2;
  env: ServerEnv;
  cycles: number;
  seed: number;
  /** Opens the store the servers use, for reads without a server. */
  openStore: () => Promise<Store>;
  /** Read the stored documents after every kill, before the restart (one process only). */
  readStoreAfterKill?: boolean;
  /**
   * When to kill: after a random number of further acknowledgements in this range, then a
   * random delay of up to `killJitterMs` (so the kill lands while writes are in flight, and
   * every cycle writes something however fast or slow the machine is).
   */
  killAfterAcks?: [number, number];
  killJitterMs?: number;
  /** Share of cycles that also kill the restarted process while it loads, before writing. */
  startupKillRate?: number;
  /** How long a read may wait for processes to converge. */
  convergeMs?: number;
}

export interface CrashReport {
  figure: string;
  cycles: number;
  acknowledged: number;
  lost: string[];
  duplicated: string[];
  rejectedPresent: string[];
  /** Stored documents that could not be rebuilt cleanly (updates whose history is missing). */
  broken: string[];
  /** Kills between which a stored snapshot changed (a compaction committed in between). */
  snapshotsRewritten: number;
  storeReads: number;
}

interface Node {
  server: CrashServer;
  sessions: Session[];
  writers: Promise<void>[];
}

const USERS = ['manager', 'sales'] as const;

async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

export async function runCrashWorkload(opts: CrashOptions): Promise<CrashReport> {
  const rng = seededRng(opts.seed);
  const [acksMin, acksMax] = opts.killAfterAcks ?? [2, 30];
  const jitterMs = opts.killJitterMs ?? 30;
  const startupKillRate = opts.startupKillRate ?? 0.08;
  const convergeMs = opts.convergeMs ?? 3000;
  const workload = new SetWorkload();
  const pool = new WarmServers(2);
  const nodes: Node[] = [];
  const tokens = new Map<string, string>();
  let cardId = '';
  let stopping = false;
  let startupKills = 0;
  let snapshotsRewritten = 0;
  let storeReads = 0;
  let lastSnapshot = '';
  /** Stored documents that a read found holding updates whose history is missing. */
  const broken = new Set<string>();

  // One process: a session per user. Two: one session per process, its user picked at random on
  // every restart, so a command left unanswered by a kill is often re-sent to the other process.
  const sessionsOn = (server: CrashServer) =>
    Promise.all((opts.processes === 1 ? [...USERS] : [rng.pick(USERS)]).map((u) => openSession(server.url, u, tokens.get(u)!, cardId)));
  const startWriters = (node: Node) => {
    node.writers = node.sessions.map((s) => workload.drive(s, rng, () => stopping));
  };
  const killNode = async (node: Node) => {
    node.server.kill();
    await node.server.exited;
    await within(Promise.all(node.sessions.map((s) => s.closed)), 5000, 'sessions of a killed server to close');
    await Promise.all(node.writers);
    for (const s of node.sessions) s.close();
    node.sessions = [];
    node.writers = [];
  };
  const readStore = async (final: boolean) => {
    const store = await opts.openStore();
    try {
      const board = await loadStoredBoard(store, 'demo');
      const pack = await loadStoredDoc(store, cardDocName('pack', cardId));
      if (board.broken) broken.add('board:demo');
      if (pack.broken) broken.add('pack');
      const seen: Observation = workload.observe(board.doc, pack.doc);
      workload.record(workload.judge(seen));
      storeReads++;
      // Where each document's log starts now: it moves when a compaction committed since the last read.
      const logStart = async (name: string) => {
        const loaded = await store.loadDocument(name);
        return `${loaded?.snapshot?.byteLength ?? 0}:${loaded?.updates[0]?.seq ?? 0}`;
      };
      const snapshot = `${await logStart('board:demo')}/${await logStart(cardDocName('pack', cardId))}`;
      if (lastSnapshot && snapshot !== lastSnapshot) snapshotsRewritten++;
      lastSnapshot = snapshot;
      if (final) {
        // Every acknowledged command is on record with the answer the client got, and created one card.
        const created = await createdTitles(store, 'demo');
        for (const a of workload.ackedCommands()) {
          const stored = await store.getCommand(a.id);
          if (JSON.stringify(stored?.answer) !== JSON.stringify(a.answer)) workload.violations.lost.add(`${a.title} (command record)`);
          if (a.type === 'createCard' && (created.get(a.title) ?? 0) !== 1) workload.violations.duplicated.add(`${a.title} (${created.get(a.title) ?? 0} card.created events)`);
        }
        for (const [title, n] of created) if (title.startsWith(`c-${workload.tag}-`) && n > 1) workload.violations.duplicated.add(`${title} (${n} card.created events)`);
      }
      return seen;
    } finally {
      await store.close();
    }
  };

  try {
    for (let i = 0; i < opts.processes; i++) nodes.push({ server: await pool.start(opts.env), sessions: [], writers: [] });
    const first = nodes[0]!.server.url;
    for (const u of USERS) tokens.set(u, await login(first, u));
    const probe = await connectClient(first, 'manager', { token: tokens.get('manager')! });
    cardId = cardOf(probe, 'sales', 'negotiation').id;
    probe.close();
    for (const node of nodes) {
      node.sessions = await sessionsOn(node.server);
      startWriters(node);
    }

    const debug = process.env.CRASH_DEBUG === '1';
    let t = Date.now();
    const lap = (what: string) => {
      if (debug) console.log(`  ${what}: ${Date.now() - t} ms`);
      t = Date.now();
    };
    for (let cycle = 1; cycle <= opts.cycles; cycle++) {
      lap(`cycle ${cycle} start`);
      await workload.moreAcks(rng.int(acksMin, acksMax), 5000);
      await sleep(rng.int(0, jitterMs));
      lap('writes');
      const victim = rng.pick(nodes);
      await killNode(victim);
      lap('kill');
      if (opts.readStoreAfterKill) await readStore(false);
      victim.server = await pool.start(opts.env);
      lap('start');
      if (rng.next() < startupKillRate) {
        // Kill it again while it loads the documents for its first clients.
        startupKills++;
        const attempt = sessionsOn(victim.server).catch(() => [] as Session[]);
        await sleep(rng.int(0, 60));
        victim.server.kill();
        await victim.server.exited;
        for (const s of await attempt) s.close();
        if (opts.readStoreAfterKill) await readStore(false);
        victim.server = await pool.start(opts.env);
      }
      victim.sessions = await sessionsOn(victim.server);
      lap('connect');
      const read = await workload.readSessions(victim.sessions, convergeMs);
      lap('read');
      if (debug) console.log(JSON.stringify(workload.stats()), workload.latencies.splice(0).join(' '));
      if (read.missing.length > 0) console.warn(`crash ${opts.label}: cycle ${cycle}: ${read.missing.length} acknowledged values missing after the restart, e.g. ${read.missing.slice(0, 3).join(', ')}`);
      startWriters(victim);
    }

    // The end: let every writer finish, read through every process, stop them, read the store.
    stopping = true;
    for (const node of nodes) {
      await Promise.all(node.writers);
      for (const s of node.sessions) s.close();
      node.sessions = [];
    }
    const readers = await Promise.all(nodes.map((n) => openSession(n.server.url, 'manager', tokens.get('manager')!, cardId)));
    await workload.readSessions(readers, 10_000);
    for (const r of readers) r.close();
    for (const node of nodes) await node.server.stop();
    const seen = await readStore(true);

    const stats = workload.stats();
    const acknowledged = stats.commandsAcked + stats.textsAcked;
    const v = workload.violations;
    const figure =
      `crash ${opts.label}: ${opts.cycles} cycles, ${acknowledged} acknowledged, ${v.lost.size} lost, ${v.duplicated.size} duplicated` +
      (broken.size > 0 ? `, stored documents with missing history: ${[...broken].join(', ')}` : '') +
      ` (commands: ${stats.commandsAcked} acknowledged of ${stats.commandsSent} sent (${stats.updatesAcked} of them updates of new cards), ${stats.commandsResent} re-sent after a kill, ${stats.commandsRejected} refused, ${v.rejectedPresent.size} refused but applied;` +
      ` text edits: ${stats.textsAcked} acknowledged of ${stats.textsSent}; ${workload.unacknowledgedPresent(seen)} unacknowledged values present;` +
      ` ${opts.cycles + startupKills} SIGKILLs, ${startupKills} of them during startup; ${workload.reads} reads` +
      (opts.readStoreAfterKill ? `, ${storeReads} of the store itself; compaction rewrote a snapshot between ${snapshotsRewritten} pairs of kills` : '') +
      `; seed ${opts.seed})`;
    return {
      figure,
      cycles: opts.cycles + startupKills,
      acknowledged,
      lost: [...v.lost],
      duplicated: [...v.duplicated],
      rejectedPresent: [...v.rejectedPresent].map((t) => workload.refusals().find((r) => r.startsWith(`${t} `)) ?? t),
      broken: [...broken],
      snapshotsRewritten,
      storeReads,
    };
  } catch (error) {
    const outputs = nodes.map((n, i) => `--- process ${i} output ---\n${n.server.output().slice(-4000)}`).join('\n');
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${outputs}`, { cause: error });
  } finally {
    for (const node of nodes) for (const s of node.sessions) s.close();
    await pool.close();
  }
}

/** A test's time limit for `cycles` kill cycles (a cycle takes about a second; much more on a busy machine). */
export const crashTimeout = (cycles: number): number => Math.max(600_000, cycles * 6_000);

/** Cycles per backend: CRASH_CYCLES, else `fallback` (what `npm test` runs). */
export const crashCycles = (fallback = 50): number => {
  const n = Number(process.env.CRASH_CYCLES);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** CRASH_SEED replays a run's random choices (delays, victims); otherwise a fresh seed, printed. */
export const crashSeed = (): number => {
  const n = Number(process.env.CRASH_SEED);
  return Number.isInteger(n) && n > 0 ? n : Math.floor(Math.random() * 2 ** 31);
};

/**
 * What every crash run must show: no acknowledged value lost or applied twice, no refused
 * command applied, every stored document loadable, all cycles run and real work acknowledged.
 */
export function expectNothingLost(report: CrashReport, cycles: number): void {
  expect(report.lost).toEqual([]);
  expect(report.duplicated).toEqual([]);
  expect(report.rejectedPresent).toEqual([]);
  expect(report.broken).toEqual([]);
  expect(report.cycles).toBeGreaterThanOrEqual(cycles);
  expect(report.acknowledged).toBeGreaterThan(cycles);
}
