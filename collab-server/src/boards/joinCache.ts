import type { beforeSyncPayload, Extension, Hocuspocus } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { boardOfAddress, MESSAGE, SYNC_STEP } from './frames';

export interface JoinCacheOptions {
  /** An encoding nobody used for this long is dropped (it is as big as the board). */
  idleMs: number;
  /** Rebuild once this many bytes of changes arrived after it (each join receives them again on top). */
  maxStaleBytes: number;
}

const DEFAULTS: JoinCacheOptions = { idleMs: 5_000, maxStaleBytes: 256 * 1024 };

/** One encoding of a board: the whole document as of `stateVector`. */
interface Entry {
  doc: Y.Doc;
  stateVector: Uint8Array;
  /** The encoding as a ready update frame, per message address (usually just the document name: one copy). */
  frames: Map<string, Uint8Array>;
  /** The encoding itself (a view into the first frame). */
  update: Uint8Array;
  staleBytes: number;
  timer: NodeJS.Timeout | null;
  detach(): void;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Joins without re-encoding the board for everyone. A client that holds nothing starts with
 * sync step 1 and an empty state vector, and Hocuspocus answers with the whole document,
 * encoded again for each client (~100 ms for 10,000 cards): a herd of joins queues behind
 * that. Here one encoding serves them all:
 * - `incoming` (the socket layer, before Hocuspocus reads a frame) turns such a step 1 for a
 *   loaded board into a step 1 that claims the cached encoding's state vector, and remembers it;
 * - `beforeSync` (run by Hocuspocus after the connection is authenticated, just before it
 *   answers that step 1) sends the cached encoding first, as an update;
 * - Hocuspocus then answers with only what changed since the encoding, and its step 2 marks
 *   the client synced as usual. A connection that is refused never gets to beforeSync, so it
 *   never receives the cached encoding.
 * Only board documents (large, written by the server alone) are served this way.
 */
export class JoinCache implements Extension {
  readonly extensionName = 'baton-join-cache';
  private readonly entries = new Map<string, Entry>();
  /** Step 1s rewritten per socket, answered (and forgotten) in beforeSync. */
  private readonly pending = new WeakMap<object, Entry[]>();
  private readonly options: JoinCacheOptions;

  constructor(
    private readonly hocuspocus: Hocuspocus,
    options: Partial<JoinCacheOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Inspects a client's frame before Hocuspocus reads it; returns the frame Hocuspocus should read. */
  incoming(socket: object, frame: Uint8Array): Uint8Array {
    const address = emptyStep1Address(frame);
    if (address === null) return frame;
    const name = boardOfAddress(address);
    if (name === null) return frame;
    const doc = this.hocuspocus.documents.get(name);
    if (!doc || this.hocuspocus.unloadingDocuments.has(name)) return frame;
    const entry = this.entryFor(name, doc);
    const list = this.pending.get(socket) ?? [];
    list.push(entry);
    this.pending.set(socket, list);
    return step1Frame(address, entry.stateVector);
  }

  async beforeSync({ connection, type, payload }: beforeSyncPayload): Promise<void> {
    if (type !== SYNC_STEP.step1) return;
    const list = this.pending.get(connection.webSocket);
    const at = list?.findIndex((e) => sameBytes(e.stateVector, payload)) ?? -1;
    if (!list || at < 0) return;
    const [entry] = list.splice(at, 1) as [Entry];
    connection.send(this.frameFor(entry, connection.messageAddress));
  }

  /** Drops every encoding (shutdown). */
  clear(): void {
    for (const name of [...this.entries.keys()]) this.drop(name);
  }

  private entryFor(name: string, doc: Y.Doc): Entry {
    const current = this.entries.get(name);
    const fresh = current && current.doc === doc && current.staleBytes <= this.options.maxStaleBytes;
    const entry = fresh ? current : this.build(name, doc);
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => this.drop(name), this.options.idleMs);
    entry.timer.unref();
    return entry;
  }

  private build(name: string, doc: Y.Doc): Entry {
    this.drop(name);
    const onUpdate = (update: Uint8Array) => {
      entry.staleBytes += update.length;
    };
    const onDestroy = () => this.drop(name);
    const frame = updateFrame(name, Y.encodeStateAsUpdate(doc));
    const entry: Entry = {
      doc,
      stateVector: Y.encodeStateVector(doc),
      frames: new Map([[name, frame.bytes]]),
      update: frame.update,
      staleBytes: 0,
      timer: null,
      detach: () => {
        doc.off('update', onUpdate);
        doc.off('destroy', onDestroy);
      },
    };
    doc.on('update', onUpdate);
    doc.on('destroy', onDestroy);
    this.entries.set(name, entry);
    return entry;
  }

  private drop(name: string): void {
    const entry = this.entries.get(name);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.detach();
    this.entries.delete(name);
  }

  private frameFor(entry: Entry, address: string): Uint8Array {
    let frame = entry.frames.get(address);
    if (!frame) {
      frame = updateFrame(address, entry.update).bytes;
      entry.frames.set(address, frame);
    }
    return frame;
  }
}

/** A sync update message for `address`, and the update inside it (a view, not a copy). */
function updateFrame(address: string, update: Uint8Array): { bytes: Uint8Array; update: Uint8Array } {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, address);
  encoding.writeVarUint(e, MESSAGE.sync);
  encoding.writeVarUint(e, SYNC_STEP.update);
  encoding.writeVarUint8Array(e, update);
  const bytes = encoding.toUint8Array(e);
  return { bytes, update: bytes.subarray(bytes.length - update.length) };
}

/** The message address of a sync step 1 with an empty state vector (a client holding nothing), else null. */
export function emptyStep1Address(frame: Uint8Array): string | null {
  // address, Sync, Step1, a one-byte state vector holding 0 clients: the frame ends with 0 0 1 0.
  const n = frame.length;
  if (n < 5 || frame[n - 4] !== MESSAGE.sync || frame[n - 3] !== SYNC_STEP.step1 || frame[n - 2] !== 1 || frame[n - 1] !== 0) return null;
  try {
    const decoder = decoding.createDecoder(frame);
    const address = decoding.readVarString(decoder);
    return decoder.pos === n - 4 ? address : null;
  } catch {
    return null;
  }
}

function step1Frame(address: string, stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, address);
  encoding.writeVarUint(e, MESSAGE.sync);
  encoding.writeVarUint(e, SYNC_STEP.step1);
  encoding.writeVarUint8Array(e, stateVector);
  return encoding.toUint8Array(e);
}
