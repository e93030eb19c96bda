/** Hocuspocus message type of the server's "your update was (not) applied" answer. */
const SYNC_STATUS = 8;

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
 * Whether a frame from the server is a SyncStatus answer and what it says: `false` means the
 * server did not apply an update this connection sent (a read-only connection with changes
 * the server does not have). Null for every other frame.
 */
export function readSyncStatus(data: unknown): boolean | null {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data instanceof Uint8Array ? data : null;
  if (!bytes) return null;
  try {
    const at = { i: 0 };
    const addressLength = readVarUint(bytes, at); // the document address: a length-prefixed string
    at.i += addressLength;
    if (readVarUint(bytes, at) !== SYNC_STATUS) return null;
    return readVarUint(bytes, at) === 1;
  } catch {
    return null;
  }
}
