import type { Card } from '@baton/shared-types';
import { BoardIndex, readCards } from '@baton/shared-types/ydoc';
import type * as Y from 'yjs';

/**
 * One index per loaded board document, kept in step with it by Yjs observers (see
 * BoardIndex): commands read the card they name and the column they touch, and periodic
 * readers (the SLA clock, timelines) read every card of an active board, without parsing the
 * board out of the document again. It goes away with the document.
 */
const indexes = new WeakMap<Y.Doc, BoardIndex>();

export function boardIndexOf(doc: Y.Doc): BoardIndex {
  let index = indexes.get(doc);
  if (!index) {
    index = new BoardIndex(doc, () => undefined, true);
    indexes.set(doc, index);
  }
  return index;
}

/**
 * Every card of a board (archived ones too): from its index when commands keep one, else read
 * from the document (a board loaded just for this read is unloaded again; an index built for
 * it would only cost its sort and observers).
 */
export function liveCards(doc: Y.Doc): Card[] {
  const index = indexes.get(doc);
  return index ? [...index.current.cards.values()] : readCards(doc);
}
