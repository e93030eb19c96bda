/** What the socket layer reads of a client's frame before Hocuspocus does (see websocket.ts, JoinCache). */
import { parseDocName } from '@baton/shared-types';
import * as decoding from 'lib0/decoding';

/** Hocuspocus message types (see @hocuspocus/common). */
export const MESSAGE = { sync: 0, awareness: 1 } as const;
/** y-protocols sync steps inside a sync message (see y-protocols/sync). */
export const SYNC_STEP = { step1: 0, update: 2 } as const;

/**
 * The board document a message address names, or null. Providers sharing one socket address
 * their messages `name\0session` (sessionAwareness): the document is the part before `\0`.
 */
export function boardOfAddress(address: string): string | null {
  const name = address.split('\0')[0] ?? '';
  return parseDocName(name)?.kind === 'board' ? name : null;
}

/**
 * Whether a client's frame is an awareness update for a board document. Boards carry no
 * awareness (ADR 0009): Presence.beforeHandleAwareness empties every such update, but only
 * after Hocuspocus has decoded it into a scratch Y.Doc and Awareness (with its own timer) built
 * for that one message. Every tab of an older client or of a stock y-protocols client renews
 * its state every 15 s, so a 500-person board paid that about 33 times a second for nothing;
 * the socket drops these frames instead. Only the address's length is read before the type, so
 * other frames cost a few bytes of decoding; a frame that does not decode is left to Hocuspocus.
 */
export function isBoardAwareness(frame: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(frame);
    const addressLength = decoding.readVarUint(decoder);
    decoder.pos += addressLength;
    if (decoder.pos >= frame.length || decoding.readVarUint(decoder) !== MESSAGE.awareness) return false;
    return boardOfAddress(decoding.readVarString(decoding.createDecoder(frame))) !== null;
  } catch {
    return false;
  }
}
