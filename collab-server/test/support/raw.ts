/**
 * A hostile client: a bare `ws` socket that hand-builds Hocuspocus frames, so tests can send
 * what no provider would (direct writes to read-only documents, garbage, forged awareness).
 *
 * Frame layout (see @hocuspocus/server OutgoingMessage / MessageReceiver):
 *   varString documentName, varUint messageType, then per type:
 *   Sync(0): varUint syncType (0 step1 | 1 step2 | 2 update), varUint8Array payload
 *   Awareness(1): varUint8Array update          Auth(2): varUint subtype, varString token/reason
 *   Stateless(5): varString payload             CLOSE(7): varString reason
 *   SyncStatus(8): varUint (1 saved, 0 refused)
 */
import type { CommandAnswer } from '@baton/shared-types';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { waitFor } from './client';

export const MSG = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  SyncReply: 4,
  Stateless: 5,
  BroadcastStateless: 6,
  Close: 7,
  SyncStatus: 8,
} as const;

export const SYNC = { step1: 0, step2: 1, update: 2 } as const;

export type Frame =
  | { doc: string; kind: 'sync'; syncType: number; payload: Uint8Array }
  | { doc: string; kind: 'awareness'; payload: Uint8Array }
  | { doc: string; kind: 'auth'; subtype: number; text: string }
  | { doc: string; kind: 'stateless'; text: string }
  | { doc: string; kind: 'close'; text: string }
  | { doc: string; kind: 'syncStatus'; saved: boolean }
  | { doc: string; kind: 'other'; type: number };

/** Builds one frame: the document name, the message type, then whatever `body` writes. */
export function frame(doc: string, type: number, body: (e: encoding.Encoder) => void = () => {}): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, doc);
  encoding.writeVarUint(e, type);
  body(e);
  return encoding.toUint8Array(e);
}

export const authFrame = (doc: string, token: string) =>
  frame(doc, MSG.Auth, (e) => {
    encoding.writeVarUint(e, 0); // AuthMessageType.Token
    encoding.writeVarString(e, token);
  });

export const syncStep1Frame = (doc: string, ydoc: Y.Doc) => frame(doc, MSG.Sync, (e) => syncProtocol.writeSyncStep1(e, ydoc));

export const updateFrame = (doc: string, update: Uint8Array) => frame(doc, MSG.Sync, (e) => syncProtocol.writeUpdate(e, update));

export const syncStep2Frame = (doc: string, update: Uint8Array) =>
  frame(doc, MSG.Sync, (e) => {
    encoding.writeVarUint(e, SYNC.step2);
    encoding.writeVarUint8Array(e, update);
  });

export const statelessFrame = (doc: string, payload: string) => frame(doc, MSG.Stateless, (e) => encoding.writeVarString(e, payload));

export const awarenessFrame = (doc: string, update: Uint8Array) => frame(doc, MSG.Awareness, (e) => encoding.writeVarUint8Array(e, update));

/** An awareness frame announcing these states, hand-built as y-protocols encodes an awareness update. */
export function announceFrame(doc: string, states: ReadonlyArray<{ clientId: number; clock: number; state: unknown }>): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, states.length);
  for (const { clientId, clock, state } of states) {
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
  }
  return awarenessFrame(doc, encoding.toUint8Array(e));
}

function decodeFrame(data: Uint8Array): Frame {
  const d = decoding.createDecoder(data);
  const doc = decoding.readVarString(d);
  const type = decoding.readVarUint(d);
  switch (type) {
    case MSG.Sync:
    case MSG.SyncReply:
      return { doc, kind: 'sync', syncType: decoding.readVarUint(d), payload: decoding.readVarUint8Array(d) };
    case MSG.Awareness:
      return { doc, kind: 'awareness', payload: decoding.readVarUint8Array(d) };
    case MSG.Auth: {
      const subtype = decoding.readVarUint(d);
      return { doc, kind: 'auth', subtype, text: decoding.hasContent(d) ? decoding.readVarString(d) : '' };
    }
    case MSG.Stateless:
      return { doc, kind: 'stateless', text: decoding.readVarString(d) };
    case MSG.Close:
      return { doc, kind: 'close', text: decoding.readVarString(d) };
    case MSG.SyncStatus:
      return { doc, kind: 'syncStatus', saved: decoding.readVarUint(d) === 1 };
    default:
      return { doc, kind: 'other', type };
  }
}

export interface RawClient {
  ws: WebSocket;
  frames: Frame[];
  /** Resolves with the close code and reason once the socket is closed (by either side). */
  closed: Promise<{ code: number; reason: string }>;
  isOpen(): boolean;
  send(data: Uint8Array | string): void;
  /** Waits for a frame matching `match` that arrived after frame number `from` (default: any). */
  next<K extends Frame['kind']>(kind: K, match?: (f: Extract<Frame, { kind: K }>) => boolean, from?: number, timeoutMs?: number): Promise<Extract<Frame, { kind: K }>>;
  count<K extends Frame['kind']>(kind: K, match?: (f: Extract<Frame, { kind: K }>) => boolean, from?: number): number;
  /** Authenticates a document; resolves with the scope ('readonly'/'read-write') or the refusal reason. */
  authenticate(doc: string, token: string): Promise<{ ok: true; scope: string } | { ok: false; reason: string }>;
  /** Fetches the document's full state from the server into `into` (SyncStep1 -> any updates, then SyncStep2, as a provider applies them). */
  pull(doc: string, into: Y.Doc): Promise<void>;
  /** Sends a stateless command and resolves with the next command answer on that document. */
  command(doc: string, payload: string, timeoutMs?: number): Promise<CommandAnswer>;
  close(): void;
}

/** `query` is appended to the websocket URL (e.g. `acks=update`, see ACKS_IN_UPDATES). */
export async function openRaw(baseUrl: string, query = ''): Promise<RawClient> {
  const ws = new WebSocket(baseUrl.replace(/^http/, 'ws') + '/collab' + (query ? `?${query}` : ''));
  const frames: Frame[] = [];
  ws.on('error', () => {
    /* a hostile socket may be cut off mid-write; its close event tells the story */
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  ws.on('message', (data, isBinary) => {
    if (!isBinary) return;
    const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
    try {
      frames.push(decodeFrame(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)));
    } catch {
      frames.push({ doc: '', kind: 'other', type: -1 });
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });

  const select = <K extends Frame['kind']>(kind: K, match?: (f: Extract<Frame, { kind: K }>) => boolean, from = 0) =>
    frames.slice(from).filter((f): f is Extract<Frame, { kind: K }> => f.kind === kind && (!match || match(f as Extract<Frame, { kind: K }>)));

  const client: RawClient = {
    ws,
    frames,
    closed,
    isOpen: () => ws.readyState === WebSocket.OPEN,
    send: (data) => ws.send(data),
    next: (kind, match, from = 0, timeoutMs = 5000) => waitFor(() => select(kind, match, from)[0], timeoutMs, `a ${kind} frame`),
    count: (kind, match, from = 0) => select(kind, match, from).length,
    authenticate: async (doc, token) => {
      const from = frames.length;
      ws.send(authFrame(doc, token));
      const answer = await client.next('auth', (f) => f.doc === doc && (f.subtype === 1 || f.subtype === 2), from);
      return answer.subtype === 2 ? { ok: true, scope: answer.text } : { ok: false, reason: answer.text };
    },
    pull: async (doc, into) => {
      const from = frames.length;
      ws.send(syncStep1Frame(doc, into));
      await client.next('sync', (f) => f.doc === doc && f.syncType === SYNC.step2, from);
      // A newcomer's board arrives as one cached update before the step 2 (see JoinCache).
      for (const f of frames.slice(from)) if (f.kind === 'sync' && f.doc === doc && f.syncType !== SYNC.step1) Y.applyUpdate(into, f.payload);
    },
    command: async (doc, payload, timeoutMs = 5000) => {
      const from = frames.length;
      ws.send(statelessFrame(doc, payload));
      const reply = await client.next(
        'stateless',
        (f) => {
          if (f.doc !== doc) return false;
          const type = (JSON.parse(f.text) as { type?: string }).type;
          return type === 'ack' || type === 'reject';
        },
        from,
        timeoutMs,
      );
      return JSON.parse(reply.text) as CommandAnswer;
    },
    close: () => ws.close(),
  };
  return client;
}
