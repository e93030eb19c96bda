import type { Document } from '@hocuspocus/server';
import { isCommandOrigin } from './origins';

/** How long a board's awareness changes are gathered before they go out together. */
export const BOARD_AWARENESS_WINDOW_MS = 250;

/**
 * On a board, awareness carries no more than who is there (the server sends the list of people
 * itself, see Presence), yet every client renews its state every 15 s and Hocuspocus sends each
 * renewal to every connection at once: on a 500-person board, 30 broadcasts a second. Here a
 * board's awareness changes go out together at most every 250 ms. Document changes are not
 * held: a command's change goes out as it is applied (DocumentRegistry.sendAsApplied), and any
 * other change (from another process, a repair) goes out at the end of the event-loop turn,
 * as before. Returns a function that undoes it.
 */
export function paceBoardAwareness(document: Document, windowMs = BOARD_AWARENESS_WINDOW_MS): () => void {
  const previous = document.flushDelay;
  document.flushDelay = windowMs;
  let immediate: NodeJS.Immediate | null = null;
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (isCommandOrigin(origin) || immediate) return;
    immediate = setImmediate(() => {
      immediate = null;
      document.flush();
    });
  };
  document.on('update', onUpdate);
  return () => {
    document.off('update', onUpdate);
    if (immediate) clearImmediate(immediate);
    document.flushDelay = previous;
  };
}
