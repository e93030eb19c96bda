/**
 * Writes for the Yjs peers. Clients there write the document directly; rather than give
 * each of them a full replica, one mirror of the board makes each write under the writing
 * client's Yjs client id, so the server receives exactly the update that client's own
 * replica would have produced. Writers move disjoint cards, so a write never depends on
 * another client's write the server has not seen yet.
 */
import { cardFields, cardsMap, encodeCardValue } from '@baton/shared-types/ydoc';
import * as Y from 'yjs';

export class Mirror {
  private readonly doc = new Y.Doc();

  constructor(state: Uint8Array) {
    Y.applyUpdate(this.doc, state);
  }

  /** The update that sets a card's stage, rank, next step and times, as client `clientId`. */
  move(clientId: number, cardId: string, stage: string, rank: string, nextStep: string): Uint8Array {
    const card = cardFields(cardsMap(this.doc).get(cardId));
    if (!card) throw new Error(`mirror has no card ${cardId}`);
    this.doc.clientID = clientId;
    let update: Uint8Array | null = null;
    const capture = (u: Uint8Array) => (update = u);
    this.doc.on('update', capture);
    try {
      const now = Date.now();
      this.doc.transact(() => {
        // The board layout keeps a card as one JSON value (see shared-types/src/ydoc/boardDoc.ts).
        cardsMap(this.doc).set(cardId, encodeCardValue({ ...card, stage, rank, nextStep, updatedAt: now, stageEnteredAt: now, lastActivityAt: now }));
      });
    } finally {
      this.doc.off('update', capture);
    }
    if (!update) throw new Error('the move produced no update');
    return update;
  }

  destroy(): void {
    this.doc.destroy();
  }
}
