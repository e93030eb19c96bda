/** Baton as a real child process (`npx tsx collab-server/src/main.ts`), for crash tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface ChildServer {
  child: ChildProcess;
  url: string;
  /** stdout and stderr so far, for failure messages. */
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<unknown>;
  /** SIGKILL to the whole process group (npx, tsx and node), at once. Synchronous. */
  kill(): void;
}

const running = new Set<ChildServer>();

/** A port that was free a moment ago: listen on port 0, read it, close. */
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

/** Starts the server on `dataDir` in its own process group and waits until /api/health answers. */
export async function startChildServer(dataDir: string, timeoutMs = 20_000, extraEnv: Record<string, string> = {}): Promise<ChildServer> {
  const port = await freePort();
  const child = spawn('npx', ['tsx', 'collab-server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), BATON_DATA_DIR: dataDir, BATON_QUIET: '1', HOST: '127.0.0.1', BATON_FAKE_CLOCK: '', ...extraEnv },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise((resolve) => {
    child.once('exit', resolve);
    child.once('error', resolve);
  });
  let dead = false;
  void exited.then(() => (dead = true));
  const server: ChildServer = {
    child,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    exited,
    kill: () => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    },
  };
  running.add(server);
  void exited.then(() => running.delete(server));

  const start = Date.now();
  for (;;) {
    if (dead) throw new Error(`the server exited before it was ready:\n${output}`);
    if (Date.now() - start > timeoutMs) {
      server.kill();
      throw new Error(`the server did not answer /api/health within ${timeoutMs} ms:\n${output}`);
    }
    try {
      const res = await fetch(`${server.url}/api/health`);
      if (res.ok) return server;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Kills every child server still running (for afterAll, also after failures). */
export async function killAllChildServers(): Promise<void> {
  const all = [...running];
  for (const server of all) server.kill();
  await Promise.all(all.map((s) => s.exited));
}
