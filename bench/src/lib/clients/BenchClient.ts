/**
 * A light websocket client that speaks one peer's dialect: it completes the handshake (auth,
 * sync step 1/2) so the server does all its per-connection work, answers pings, keeps
 * presence, sends writes, and reports when a frame carrying a tracked nonce arrives. It does
 * not keep a Y.Doc: it scans frames for nonces instead (see nonce.ts).
 */
import { randomInt } from 'node:crypto';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { scanNonces } from '../nonce';
import type { NonceTracker } from '../tracker';
import {
  authMessage,
  awarenessMessage,
  classify,
  emptyStep2,
  PONG,
  statelessMessage,
  syncStep1,
  updateMessage,
  type Dialect,
} from './protocol';

export interface Target {
  url: string;
  dialect: Dialect;
  docName: string;
  /** Login token for client `index` (Baton), or none. */
  token(index: number): string | undefined;
}

export interface ClientOptions {
  /** Keep the document state received in sync step 2 (to measure its size). */
  keepState?: boolean;
}

export class BenchClient {
  readonly clientId = randomInt(1, 2 ** 31 - 1);
  frames = 0;
  bytes = 0;
  syncMs = Number.NaN;
  state: Uint8Array | null = null;
  private ws: WebSocket | null = null;
  private awarenessClock = 0;
  private readonly commands = new Map<string, number>();
  /** The same commands by nonce: Baton's change carrying one is its answer (the client connects with ?acks=update). */
  private readonly byNonce = new Map<number, string>();
  lastPresenceAt = 0;
  /** Updates that arrived before sync step 2 (Baton sends a cached encoding of the board first). */
  private beforeStep2: Uint8Array[] = [];

  constructor(
    readonly index: number,
    private readonly target: Target,
    private readonly tracker: NonceTracker | null,
    private readonly options: ClientOptions = {},
  ) {}

  /** Opens the socket and resolves when the client holds the document (ms from start). */
  connect(timeoutMs = 60_000): Promise<number> {
    const { dialect, docName } = this.target;
    const started = performance.now();
    return new Promise<number>((resolve, reject) => {
      let done = false;
      const finish = (error: Error | null) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (error) reject(error);
        else {
          this.syncMs = performance.now() - started;
          resolve(this.syncMs);
        }
      };
      const timer = setTimeout(() => finish(new Error(`client ${this.index} did not sync within ${timeoutMs} ms`)), timeoutMs);
      const ws = new WebSocket(this.target.url, { perMessageDeflate: false });
      this.ws = ws;
      ws.on('open', () => {
        if (dialect === 'raw') return finish(null);
        if (dialect === 'hocuspocus') ws.send(authMessage(docName, this.target.token(this.index) ?? ''));
        ws.send(syncStep1(dialect, docName));
      });
      ws.on('message', (data: Buffer) => {
        const now = performance.now();
        this.frames++;
        this.bytes += data.length;
        const msg = classify(dialect, data);
        switch (msg.kind) {
          case 'update':
            if (this.tracker) scanNonces(data, (n) => this.onNonce(n, now));
            if (this.options.keepState && msg.update && Number.isNaN(this.syncMs)) this.beforeStep2.push(msg.update.slice());
            break;
          case 'step1':
            ws.send(emptyStep2(dialect, docName));
            break;
          case 'step2':
            // The state a client holds once synced: the step 2 and whatever update came before it.
            if (this.options.keepState) this.state = this.beforeStep2.length > 0 ? Y.mergeUpdates([...this.beforeStep2, msg.update]) : msg.update.slice();
            this.beforeStep2 = [];
            finish(null);
            break;
          case 'stateless':
            this.onStateless(msg.payload, now);
            break;
          case 'ping':
            ws.send(PONG);
            break;
          case 'denied':
            finish(new Error(`client ${this.index} was refused: ${msg.reason}`));
            break;
          default:
            break;
        }
      });
      ws.on('error', (error) => finish(error));
      ws.on('close', (code) => finish(new Error(`client ${this.index} closed (${code}) before it synced`)));
    });
  }

  private onNonce(nonce: number, now: number): void {
    this.tracker?.seen(nonce, this.index, now);
    const id = this.byNonce.get(nonce);
    // Our own command's change: applied (Baton sends no separate ack to a client that reads it from the change).
    if (id !== undefined) this.answered(id, nonce, true, now);
  }

  private answered(id: string, nonce: number, ack: boolean, now: number): void {
    this.commands.delete(id);
    this.byNonce.delete(nonce);
    this.tracker?.answered(nonce, ack, now);
  }

  private onStateless(payload: string, now: number): void {
    if (!payload.startsWith('{"type":"ack"') && !payload.startsWith('{"type":"reject"')) return;
    const answer = JSON.parse(payload) as { type: string; id: string; reason?: string; message?: string };
    const nonce = this.commands.get(answer.id);
    if (nonce === undefined) return;
    if (answer.type === 'reject') console.warn(`  command rejected: ${answer.reason}: ${answer.message}`);
    this.answered(answer.id, nonce, answer.type === 'ack', now);
  }

  get open(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  private send(frame: Uint8Array): void {
    if (this.open) this.ws?.send(frame);
  }

  sendUpdate(update: Uint8Array): void {
    const dialect = this.target.dialect;
    // The floor relays the very bytes y-websocket clients would send.
    this.send(updateMessage(dialect === 'raw' ? 'yws' : dialect, this.target.docName, update));
  }

  sendCommand(command: { id: string }, nonce: number): void {
    this.commands.set(command.id, nonce);
    this.byNonce.set(nonce, command.id);
    this.send(statelessMessage(this.target.docName, JSON.stringify(command)));
  }

  setPresence(state: unknown): void {
    const dialect = this.target.dialect === 'raw' ? 'yws' : this.target.dialect;
    this.lastPresenceAt = performance.now();
    this.send(awarenessMessage(dialect, this.target.docName, this.clientId, ++this.awarenessClock, state));
  }

  close(): Promise<void> {
    const ws = this.ws;
    if (!ws || ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        ws.terminate();
        resolve();
      }, 3000);
      ws.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      ws.close();
    });
  }
}
