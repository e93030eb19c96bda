import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/**
 * The Yjs update a Hocuspocus frame carries (sync step 2 or update), or null for any other
 * message and for an empty update. Throws on a malformed frame or update, so nothing malformed
 * is ever stored.
 */
export function incomingUpdate(frame: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarString(decoder); // document address
  const type = decoding.readVarUint(decoder);
  if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
  const step = decoding.readVarUint(decoder);
  if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return null;
  const update = decoding.readVarUint8Array(decoder);
  const decoded = Y.decodeUpdate(update);
  // A client with nothing new (its sync step 2 after connecting) sends an empty update.
  return decoded.structs.length === 0 && decoded.ds.clients.size === 0 ? null : update;
}
