/** Hocuspocus message type of the server's "your update was (not) applied" answer. */
const SYNC_STATUS = 8;
/** Hocuspocus message type of the Yjs sync protocol, and that protocol's step 2 and update (y-protocols/sync). */
const SYNC = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

const bytesOf = (data: unknown): Uint8Array | null => (data instanceof ArrayBuffer ? new Uint8Array(data) : data instanceof Uint8Array ? data : null);

/** Skips the document address every frame starts with (a length-prefixed string). */
function skipAddress(bytes: Uint8Array, at: { i: number }): void {
  const length = readVarUint(bytes, at);
  at.i += length;
}

function readVarUint(bytes: Uint8Array, at: { i: number }): number {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at.i++];
    if (byte === undefined) throw new RangeError('truncated frame');
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return value;
    shift += 7;
  }
}

/**
 * Reads the body of a frame from the server of message `type` with `read` (after the document
 * address and the type). Null for a frame of another type, one that is not binary, or one cut short.
 */
function readBody<T>(data: unknown, type: number, read: (bytes: Uint8Array, at: { i: number }) => T | null): T | null {
  const bytes = bytesOf(data);
  if (!bytes) return null;
  try {
    const at = { i: 0 };
    skipAddress(bytes, at);
    if (readVarUint(bytes, at) !== type) return null;
    return read(bytes, at);
  } catch {
    return null;
  }
}

/**
 * Whether a frame from the server is a SyncStatus answer and what it says: `false` means the
 * server did not apply an update this connection sent (a read-only connection with changes
 * the server does not have). Null for every other frame.
 */
export function readSyncStatus(data: unknown): boolean | null {
  return readBody(data, SYNC_STATUS, (bytes, at) => readVarUint(bytes, at) === 1);
}

/**
 * The Yjs update a frame from the server carries (sync step 2 or a sync update), as a view into
 * the frame: the document's content exactly as the server encoded it. Null for every other frame.
 */
export function readSyncUpdate(data: unknown): Uint8Array | null {
  return readBody(data, SYNC, (bytes, at) => {
    const step = readVarUint(bytes, at);
    if (step !== SYNC_STEP2 && step !== SYNC_UPDATE) return null;
    const length = readVarUint(bytes, at);
    if (at.i + length > bytes.length) return null;
    return bytes.subarray(at.i, at.i + length);
  });
}
