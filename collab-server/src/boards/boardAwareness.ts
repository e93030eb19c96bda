import { parseDocName } from '@baton/shared-types';
import * as decoding from 'lib0/decoding';

/** Hocuspocus's message type for an awareness update (see @hocuspocus/common). */
const AWARENESS = 1;

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
    if (decoder.pos >= frame.length || decoding.readVarUint(decoder) !== AWARENESS) return false;
    const address = decoding.readVarString(decoding.createDecoder(frame));
    return parseDocName(address.split('\0')[0] ?? '')?.kind === 'board';
  } catch {
    return false;
  }
}
