/** Starts a server under test as a separate Node process, pinned to its own core, and talks to it over IPC. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IpcReply, IpcRequest, ReadyMessage } from './ipc';
import { hasTaskset } from './machine';

export const BENCH_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const REPO_ROOT = path.resolve(BENCH_ROOT, '..');

const live = new Set<ChildProcess>();

/** Kills every server process still running (on Ctrl-C or a crash of the load generator). */
export function killAllServers(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

/** The core the servers run on (the load generator pins itself to core 0). */
export const SERVER_CORE = 1;

export interface ServerProcess {
  pid: number;
  port: number;
  call<T = unknown>(op: string, args?: unknown): Promise<T>;
  /** Graceful stop (the server flushes and closes), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  output(): string;
}

/** Starts a server process; a process that dies before it is ready is retried twice (spawns have been seen to fail for a moment under load). */
export async function startServerProcess(script: string, env: Record<string, string>, timeoutMs = 120_000, core = SERVER_CORE): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(script, env, timeoutMs, core);
    } catch (error) {
      if (attempt >= 3 || !(error instanceof EarlyExit)) throw error;
      console.warn(`  ${error.message.split('\n')[0]}; retrying`);
      await new Promise((r) => setTimeout(r, 2000 * attempt));
    }
  }
}

class EarlyExit extends Error {}

async function startOnce(script: string, env: Record<string, string>, timeoutMs: number, core: number): Promise<ServerProcess> {
  // BENCH_SERVER_NODE_ARGS: extra flags for the servers under test (e.g. --cpu-prof while investigating).
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const nodeArgs = ['--import', 'tsx', '--expose-gc', '--max-old-space-size=8192', ...extra, path.join(BENCH_ROOT, 'src', 'peers', script)];
  const pinned = hasTaskset();
  const child: ChildProcess = spawn(pinned ? 'taskset' : process.execPath, pinned ? ['-c', String(core), process.execPath, ...nodeArgs] : nodeArgs, {
    cwd: BENCH_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
  };
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', keep);
    if (process.env.BENCH_TRACE) stream?.on('data', (d: Buffer) => process.stderr.write(d));
  }
  let exitInfo = '';
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitInfo = `code ${code ?? '-'}, signal ${signal ?? '-'}`;
      resolve();
    });
    child.once('error', (error) => {
      exitInfo = `spawn failed: ${error.message}`;
      resolve();
    });
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let dead = false;
  void exited.then(() => {
    dead = true;
    for (const p of pending.values()) p.reject(new Error(`${script} exited:\n${output}`));
    pending.clear();
  });

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    child.on('message', (m: ReadyMessage | IpcReply) => {
      if ('type' in m && m.type === 'ready') {
        clearTimeout(timer);
        resolve(m.port);
        return;
      }
      const reply = m as IpcReply;
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.ok) p.resolve(reply.result);
      else p.reject(new Error(`${script}: ${reply.error}`));
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new EarlyExit(`${script} exited before it was ready (${exitInfo}):\n${output}`));
    });
  });

  const call = <T>(op: string, args?: unknown) =>
    new Promise<T>((resolve, reject) => {
      if (dead) return reject(new Error(`${script} is not running`));
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, op, args } satisfies IpcRequest);
    });

  return {
    pid: child.pid ?? -1,
    port,
    call,
    output: () => output,
    stop: async (graceMs = 60_000) => {
      if (dead) return;
      const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      try {
        await call('shutdown');
      } catch {
        /* it exited already */
      }
      await exited;
      clearTimeout(killer);
    },
  };
}
