import type { Card } from '@baton/shared-types';
import { BoardIndex } from '@baton/shared-types/ydoc';
import type * as Y from 'yjs';

/**
 * One index per loaded board document, kept in step with it by Yjs observers (see
 * BoardIndex): commands read the card they name and the column they touch, and periodic
 * readers (the SLA clock, timelines) read every card, without parsing the board out of the
 * document again. It goes away with the document.
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

/** Every card of a loaded board (archived ones too), as the index holds them now. */
export function liveCards(doc: Y.Doc): Card[] {
  return [...boardIndexOf(doc).current.cards.values()];
}
