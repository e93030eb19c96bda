/**
 * The three wire dialects the peers speak, encoded by hand so that one light client can
 * speak all of them without holding a Y.Doc (500 full replicas of a 1,000-card board would
 * need ~6 GB and saturate the load generator):
 *   raw         the floor: opaque frames the server relays to every other socket
 *   yws         y-protocols sync + awareness, as y-websocket's server expects
 *   hocuspocus  the same messages prefixed with the document name, plus auth and stateless
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export type Dialect = 'raw' | 'yws' | 'hocuspocus';

/** Top-level message types (y-websocket and Hocuspocus share 0 and 1). */
export const MSG = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3, syncReply: 4, stateless: 5, close: 7, syncStatus: 8, ping: 9, pong: 10 } as const;
/** Sync sub-types (y-protocols/sync). */
export const SYNC = { step1: 0, step2: 1, update: 2 } as const;

const EMPTY_STATE_VECTOR = new Uint8Array([0]);
const EMPTY_UPDATE = new Uint8Array([0, 0]);
const PROVIDER_VERSION = '4.8.0';

function build(docName: string | null, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  if (docName !== null) encoding.writeVarString(e, docName);
  write(e);
  return encoding.toUint8Array(e);
}

const prefix = (dialect: Dialect, docName: string) => (dialect === 'hocuspocus' ? docName : null);

export function syncStep1(dialect: Dialect, docName: string): Uint8Array {
  return build(prefix(dialect, docName), (e) => {
    encoding.writeVarUint(e, MSG.sync);
    encoding.writeVarUint(e, SYNC.step1);
    encoding.writeVarUint8Array(e, EMPTY_STATE_VECTOR);
  });
}

/** Our answer to the server's step 1: we have nothing it lacks. */
export function emptyStep2(dialect: Dialect, docName: string): Uint8Array {
  return build(prefix(dialect, docName), (e) => {
    encoding.writeVarUint(e, dialect === 'hocuspocus' ? MSG.syncReply : MSG.sync);
    encoding.writeVarUint(e, SYNC.step2);
    encoding.writeVarUint8Array(e, EMPTY_UPDATE);
  });
}

export function updateMessage(dialect: Dialect, docName: string, update: Uint8Array): Uint8Array {
  return build(prefix(dialect, docName), (e) => {
    encoding.writeVarUint(e, MSG.sync);
    encoding.writeVarUint(e, SYNC.update);
    encoding.writeVarUint8Array(e, update);
  });
}

/** An awareness update carrying one client's state (y-protocols/awareness encoding). */
export function awarenessMessage(dialect: Dialect, docName: string, clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  return build(prefix(dialect, docName), (e) => {
    encoding.writeVarUint(e, MSG.awareness);
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  });
}

export function authMessage(docName: string, token: string): Uint8Array {
  return build(docName, (e) => {
    encoding.writeVarUint(e, MSG.auth);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, token);
    encoding.writeVarString(e, PROVIDER_VERSION);
  });
}

export function statelessMessage(docName: string, payload: string): Uint8Array {
  return build(docName, (e) => {
    encoding.writeVarUint(e, MSG.stateless);
    encoding.writeVarString(e, payload);
  });
}

export const PONG = new Uint8Array([MSG.pong]);

/** What an incoming frame is, as far as the benchmark cares. */
export type Incoming =
  | { kind: 'step1' }
  | { kind: 'step2'; update: Uint8Array }
  | { kind: 'update'; update?: Uint8Array }
  | { kind: 'awareness' }
  | { kind: 'authenticated' }
  | { kind: 'denied'; reason: string }
  | { kind: 'stateless'; payload: string }
  | { kind: 'ping' }
  | { kind: 'other'; type: number };

export function classify(dialect: Dialect, data: Uint8Array): Incoming {
  if (dialect === 'raw') return { kind: 'update' };
  if (dialect === 'hocuspocus' && data.length === 1 && data[0] === MSG.ping) return { kind: 'ping' };
  const d = decoding.createDecoder(data);
  if (dialect === 'hocuspocus') decoding.readVarString(d);
  const type = decoding.readVarUint(d);
  switch (type) {
    case MSG.sync:
    case MSG.syncReply: {
      const sub = decoding.readVarUint(d);
      if (sub === SYNC.step1) return { kind: 'step1' };
      if (sub === SYNC.step2) return { kind: 'step2', update: decoding.readVarUint8Array(d) };
      return { kind: 'update', update: decoding.readVarUint8Array(d) };
    }
    case MSG.awareness:
      return { kind: 'awareness' };
    case MSG.auth: {
      const sub = decoding.readVarUint(d);
      if (sub === 2) return { kind: 'authenticated' };
      if (sub === 1) return { kind: 'denied', reason: decoding.readVarString(d) };
      return { kind: 'other', type };
    }
    case MSG.stateless:
      return { kind: 'stateless', payload: decoding.readVarString(d) };
    default:
      return { kind: 'other', type };
  }
}
