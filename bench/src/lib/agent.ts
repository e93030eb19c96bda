/**
 * The measuring side that runs inside every server process under test: answers the load
 * generator over IPC with CPU time, event-loop delay, websocket frames sent and memory,
 * plus whatever peer-specific operations the server registers (load a board, unload it…).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import type { IpcReply, IpcRequest, MemoryReport, ReadyMessage, ServerWindow } from './ipc';

type Handler = (args: unknown) => unknown;

const sent = { frames: 0, bytes: 0 };

/** Counts every frame any `ws` socket of this process sends (all peers use the same `ws`). */
function countSends(): void {
  const proto = WebSocket.prototype as unknown as { send: (data: unknown, ...rest: unknown[]) => void };
  const original = proto.send;
  proto.send = function (this: WebSocket, data: unknown, ...rest: unknown[]) {
    sent.frames++;
    if (data instanceof Uint8Array || data instanceof ArrayBuffer) sent.bytes += data.byteLength;
    else if (typeof data === 'string') sent.bytes += Buffer.byteLength(data);
    original.call(this, data, ...rest);
  };
}

const gc = (globalThis as { gc?: () => void }).gc;

async function collect(): Promise<void> {
  if (!gc) return;
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * BENCH_PROFILE_DIR=<dir>: a CPU profile of every measuring window (window.begin → window.end)
 * is written there, named by process and window, for finding where a server spends a window.
 */
function windowProfiler(): { begin(): void; end(): void } {
  const dir = process.env.BENCH_PROFILE_DIR;
  if (!dir) return { begin: () => undefined, end: () => undefined };
  const session = new Session();
  session.connect();
  let n = 0;
  let running = false;
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  return {
    begin: () => {
      if (running) return;
      running = true;
      void post('Profiler.enable')
        .then(() => post('Profiler.setSamplingInterval', { interval: Number(process.env.BENCH_PROFILE_INTERVAL_US ?? 1000) }))
        .then(() => post('Profiler.start'));
    },
    end: () => {
      if (!running) return;
      running = false;
      const file = path.join(dir, `${path.basename(process.argv[process.argv.length - 1] ?? 'peer', '.ts')}-${process.pid}-${++n}.cpuprofile`);
      void post('Profiler.stop').then((r) => writeFileSync(file, JSON.stringify((r as { profile: unknown }).profile)));
    },
  };
}

export interface Agent {
  handle(op: string, handler: Handler): void;
  ready(port: number): void;
}

/** Figures a peer adds to every measuring window (Baton: where its commands' time goes). */
export interface WindowFigures {
  begin(): void;
  end(): Pick<ServerWindow, 'commands'>;
}

export function startAgent(documents: () => number, shutdown: () => Promise<void>, figures?: WindowFigures): Agent {
  countSends();
  const eld = monitorEventLoopDelay({ resolution: 5 });
  eld.enable();
  const profiler = windowProfiler();
  let window = { t: performance.now(), cpu: process.cpuUsage(), frames: 0, bytes: 0 };
  const memory = (): MemoryReport => {
    const m = process.memoryUsage();
    return { rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers, documents: documents() };
  };
  const handlers = new Map<string, Handler>([
    [
      'window.begin',
      () => {
        eld.reset();
        figures?.begin();
        profiler.begin();
        window = { t: performance.now(), cpu: process.cpuUsage(), frames: sent.frames, bytes: sent.bytes };
        return null;
      },
    ],
    [
      'window.end',
      (): ServerWindow => {
        const cpu = process.cpuUsage(window.cpu);
        const extra = figures?.end() ?? {};
        profiler.end();
        const m = process.memoryUsage();
        const ms = (ns: number) => ns / 1e6;
        return {
          wallMs: performance.now() - window.t,
          cpuMs: (cpu.user + cpu.system) / 1000,
          eld: { p50: ms(eld.percentile(50)), p99: ms(eld.percentile(99)), max: ms(eld.max) },
          sentFrames: sent.frames - window.frames,
          sentBytes: sent.bytes - window.bytes,
          rss: m.rss,
          heapUsed: m.heapUsed,
          ...extra,
        };
      },
    ],
    ['memory', () => memory()],
    [
      'gc',
      async () => {
        await collect();
        return memory();
      },
    ],
    [
      'shutdown',
      async () => {
        await shutdown();
        setTimeout(() => process.exit(0), 10);
        return null;
      },
    ],
  ]);

  process.on('message', (raw: IpcRequest) => {
    const reply = (r: IpcReply) => process.send?.(r);
    const handler = handlers.get(raw.op);
    if (!handler) {
      reply({ id: raw.id, ok: false, error: `unknown op ${raw.op}` });
      return;
    }
    Promise.resolve()
      .then(() => handler(raw.args))
      .then(
        (result) => reply({ id: raw.id, ok: true, result: result ?? null }),
        (error: unknown) => reply({ id: raw.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
  });
  process.on('disconnect', () => process.exit(0));

  return {
    handle: (op, handler) => handlers.set(op, handler),
    ready: (port) => process.send?.({ type: 'ready', port } satisfies ReadyMessage),
  };
}

/** Reads a required environment variable of a peer process. */
export function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
