/**
 * Real Baton server processes for the crash workload, started fast: a pool of warm processes
 * (see launcher.ts) that each become a server on demand. Every process is `node --import tsx`
 * in its own process group, killed with SIGKILL to the whole group.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT, type ChildServer } from '../../support/child';
import { launcherArgs } from './bundle';

/** Environment of one start; null removes a variable inherited from the test runner. */
export type ServerEnv = Record<string, string | null>;

export interface CrashServer extends ChildServer {
  /** SIGTERM: the server flushes, compacts and exits on its own. */
  stop(timeoutMs?: number): Promise<void>;
}

interface Spare {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  warm: Promise<void>;
  exited: Promise<unknown>;
  /** Resolves with the URL the server printed once it listens. */
  listening: Promise<string>;
}

const killGroup = (pid: number | undefined, signal: NodeJS.Signals) => {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
};

export class WarmServers {
  private readonly spares: Spare[] = [];
  private readonly live = new Set<CrashServer>();

  /** `size` warm processes are kept ready (each costs ~1 s of CPU to warm up). */
  constructor(private readonly size = 2) {}

  private spawnSpare(args: string[]): Spare {
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, BATON_QUIET: '1' },
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    let onWarm: () => void = () => undefined;
    let onUrl: (url: string) => void = () => undefined;
    const warm = new Promise<void>((resolve) => (onWarm = resolve));
    const listening = new Promise<string>((resolve) => (onUrl = resolve));
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      if (/^warm$/m.test(output)) onWarm();
      const url = /Baton is running at (http:\/\/\S+)/.exec(output)?.[1];
      if (url) onUrl(url);
    });
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.stdin.on('error', () => undefined);
    const exited = new Promise((resolve) => {
      child.once('exit', resolve);
      child.once('error', resolve);
    });
    // CRASH_LOG_DIR keeps every process's output (for investigating a failed run).
    const logDir = process.env.CRASH_LOG_DIR;
    if (logDir) void exited.then(() => appendFile(path.join(logDir, `server-${child.pid}.log`), output).catch(() => undefined));
    return { child, output: () => output, warm, exited, listening };
  }

  /** Turns a warm process into a running server with `env` and waits until it listens. */
  async start(env: ServerEnv, timeoutMs = 30_000): Promise<CrashServer> {
    const args = await launcherArgs();
    while (this.spares.length < this.size) this.spares.push(this.spawnSpare(args));
    const spare = this.spares.shift()!;
    this.spares.push(this.spawnSpare(args));
    const died = spare.exited.then(() => Promise.reject(new Error(`the server process exited before it listened:\n${spare.output()}`)));
    died.catch(() => undefined);
    const within = async <T>(p: Promise<T>, what: string): Promise<T> => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} within ${timeoutMs} ms:\n${spare.output()}`)), timeoutMs);
      });
      try {
        return await Promise.race([p, died, late]);
      } finally {
        clearTimeout(timer);
      }
    };
    try {
      await within(spare.warm, 'the process did not warm up');
      const quiet = process.env.CRASH_LOG_DIR ? '0' : '1';
      spare.child.stdin.write(`${JSON.stringify({ PORT: '0', HOST: '127.0.0.1', BATON_QUIET: quiet, BATON_FAKE_CLOCK: null, ...env })}\n`);
      const url = await within(spare.listening, 'the server did not listen');
      const pid = spare.child.pid;
      const server: CrashServer = {
        child: spare.child,
        url,
        output: spare.output,
        exited: spare.exited,
        kill: () => killGroup(pid, 'SIGKILL'),
        stop: async (stopTimeoutMs = 15_000) => {
          killGroup(pid, 'SIGTERM');
          const stopped = await Promise.race([spare.exited.then(() => true), new Promise((r) => setTimeout(() => r(false), stopTimeoutMs))]);
          if (!stopped) {
            killGroup(pid, 'SIGKILL');
            throw new Error(`the server did not stop within ${stopTimeoutMs} ms after SIGTERM:\n${spare.output()}`);
          }
        },
      };
      this.live.add(server);
      void spare.exited.then(() => this.live.delete(server));
      return server;
    } catch (error) {
      killGroup(spare.child.pid, 'SIGKILL');
      throw error;
    }
  }

  /** Kills every server and spare (for afterAll, also after failures). */
  async close(): Promise<void> {
    const all = [...this.live].map((s) => ({ pid: s.child.pid, exited: s.exited }));
    all.push(...this.spares.splice(0).map((s) => ({ pid: s.child.pid, exited: s.exited })));
    for (const p of all) killGroup(p.pid, 'SIGKILL');
    await Promise.all(all.map((p) => p.exited));
  }
}
