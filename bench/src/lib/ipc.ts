/** Messages between the load generator (parent) and a server process under test (child). */
export interface IpcRequest {
  id: number;
  op: string;
  args?: unknown;
}

export type IpcReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

export interface ReadyMessage {
  type: 'ready';
  port: number;
}

/** Baton only: its commands over a window, in ms (see commandTimes.ts). */
export interface CommandTimes {
  commands: number;
  /** Handler receives the command → its change has gone out and is appended. */
  p50: number;
  p99: number;
  /** The durable commit (transaction + fsync) inside it. */
  commitP50: number;
  commitP99: number;
  /** Handler receives the command → its change starts going out to the connections. */
  untilOutP50: number;
  untilOutP99: number;
  /** Sending one change to every connection. */
  broadcastP50: number;
  /** Share of the commands that arrived while an earlier one was still in hand (%). */
  behindPct: number;
}

/** What a server process reports about a measuring window (see agent.ts). */
export interface ServerWindow {
  wallMs: number;
  /** User + system CPU time of the whole server process. */
  cpuMs: number;
  /** Event-loop delay over the window, in ms. */
  eld: { p50: number; p99: number; max: number };
  /** Websocket frames and bytes the server sent. */
  sentFrames: number;
  sentBytes: number;
  rss: number;
  heapUsed: number;
  commands?: CommandTimes;
}

export interface MemoryReport {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  documents: number;
}
