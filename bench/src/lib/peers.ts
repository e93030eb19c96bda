/** The servers compared, how to start each as its own process, and how clients reach it. */
import { withAcksInUpdates } from '@baton/shared-types';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ADMIN, DOC_NAME, PASSWORD } from './board';
import type { Target } from './clients/BenchClient';
import type { Dialect } from './clients/protocol';
import { startServerProcess, type ServerProcess } from './child';
import { SECRET, type Boards, type PreparedBoard } from './prepare';

export type PeerId = 'raw' | 'yws' | 'hocuspocus' | 'baton';

export interface PeerSpec {
  id: PeerId;
  label: string;
  script: string;
  dialect: Dialect;
  /** Keeps documents on disk and loads them on demand (cold load, unload, persistence). */
  persistent: boolean;
}

export const PEERS: readonly PeerSpec[] = [
  { id: 'raw', label: 'raw ws (floor)', script: 'raw.ts', dialect: 'raw', persistent: false },
  { id: 'yws', label: 'y-websocket', script: 'yws.ts', dialect: 'yws', persistent: false },
  { id: 'hocuspocus', label: 'Hocuspocus+SQLite', script: 'hocuspocus.ts', dialect: 'hocuspocus', persistent: true },
  { id: 'baton', label: 'Baton', script: 'baton.ts', dialect: 'hocuspocus', persistent: true },
];

export interface RunningPeer {
  spec: PeerSpec;
  proc: ServerProcess;
  target: Target;
  httpUrl: string;
  /** Baton only: the copy of the data directory this process runs on. */
  dataDir: string | null;
}

/** Login tokens per Baton data directory lineage (the secret is fixed, so they survive restarts). */
const tokenCache = new Map<string, string[]>();

export async function login(httpUrl: string, username: string, password = PASSWORD): Promise<string> {
  const res = await fetch(`${httpUrl}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

async function batonTokens(httpUrl: string, prepared: PreparedBoard): Promise<string[]> {
  const cached = tokenCache.get(prepared.batonDir);
  if (cached) return cached;
  const tokens: string[] = [];
  for (const user of prepared.board.users) tokens.push(await login(httpUrl, user));
  tokenCache.set(prepared.batonDir, tokens);
  return tokens;
}

export interface StartOptions {
  /** Reuse this Baton data directory (e.g. to restart on the same data); default: a fresh copy. */
  dataDir?: string;
}

export async function startPeer(spec: PeerSpec, prepared: PreparedBoard, boards: Boards, opts: StartOptions = {}): Promise<RunningPeer> {
  let env: Record<string, string> = {};
  let dataDir: string | null = null;
  if (spec.id === 'yws') env = { BENCH_BOARD_FILE: prepared.updateFile };
  if (spec.id === 'hocuspocus') {
    dataDir = opts.dataDir ?? boards.scratch('hocuspocus');
    env = { BENCH_BOARD_FILE: prepared.updateFile, BENCH_SQLITE: path.join(dataDir, 'hocuspocus.db') };
  }
  if (spec.id === 'baton') {
    dataDir = opts.dataDir ?? boards.batonCopy(prepared);
    env = { BENCH_DATA_DIR: dataDir, BENCH_SECRET: SECRET };
  }
  // Writes made before this peer starts (its copied data directory, scratch directories
  // deleted since the last peer) reach the disk now: otherwise the first fsyncs during the
  // measurement (Baton commits every move) wait for them.
  execFileSync('sync');
  const proc = await startServerProcess(spec.script, env);
  const httpUrl = `http://127.0.0.1:${proc.port}`;
  const ws = `ws://127.0.0.1:${proc.port}`;
  // Baton's browser client reads its commands' acks from the changes (ACKS_IN_UPDATES); so do these clients.
  const url = spec.id === 'baton' ? withAcksInUpdates(`${ws}/collab`) : spec.id === 'yws' ? `${ws}/${DOC_NAME}` : ws;
  const tokens = spec.id === 'baton' ? await batonTokens(httpUrl, prepared) : [];
  const target: Target = {
    url,
    dialect: spec.dialect,
    docName: DOC_NAME,
    token: (i) => (tokens.length > 0 ? tokens[i % tokens.length] : undefined),
  };
  return { spec, proc, target, httpUrl, dataDir };
}

export const ADMIN_USER = ADMIN;
