import type { Card, CommandInput, RejectReason } from '@baton/shared-types';
import { uuid } from '../../lib/uuid';
import type { RejectedChange } from '../../sync/hooks';
import type { MoveTarget } from './dropPosition';

/** How a refused change can be tried again: through the move flow (it asks for what a gate lacks) or sent as it was. */
export type Redo = { kind: 'move'; card: Card; target: MoveTarget } | { kind: 'send'; input: CommandInput };

/** Refusals that trying again cannot fix: not allowed, gone, or malformed. */
const FINAL: ReadonlySet<RejectReason> = new Set(['forbidden', 'not_found', 'invalid', 'too_large']);

const live = (card: Card | undefined): card is Card => card !== undefined && !card.archived;

/**
 * Whether redoing a refused change makes sense now, and how. A move of a card that has since
 * been archived, or that already is where it was sent, cannot be redone; a gate failure goes
 * back through the move flow, which opens the dialog asking for what is missing.
 */
export function redoFor(r: RejectedChange, cards: ReadonlyMap<string, Card>): Redo | null {
  if (FINAL.has(r.reason)) return null;
  const c = r.command;
  switch (c.type) {
    case 'moveCard': {
      const card = cards.get(c.cardId);
      if (!live(card) || card.stage === c.toStage) return null;
      return { kind: 'move', card, target: { toStage: c.toStage, afterCardId: c.afterCardId ?? null, beforeCardId: c.beforeCardId ?? null } };
    }
    case 'updateCard':
      return live(cards.get(c.cardId)) ? { kind: 'send', input: { type: 'updateCard', cardId: c.cardId, fields: c.fields } } : null;
    case 'createCard': {
      const { id: _old, ...fields } = c.card;
      // A new card id: the refused one was never created, and a fresh one cannot collide.
      return { kind: 'send', input: { type: 'createCard', card: { ...fields, id: uuid() }, ...(c.afterCardId ? { afterCardId: c.afterCardId } : {}) } };
    }
    case 'archiveCard':
      return live(cards.get(c.cardId)) ? { kind: 'send', input: { type: 'archiveCard', cardId: c.cardId } } : null;
    case 'restoreCard':
      return cards.get(c.cardId)?.archived === true ? { kind: 'send', input: { type: 'restoreCard', cardId: c.cardId } } : null;
    case 'tagAttachment': {
      const card = cards.get(c.cardId);
      if (!live(card) || !card.attachments.some((a) => a.id === c.attachmentId)) return null;
      return { kind: 'send', input: { type: 'tagAttachment', cardId: c.cardId, attachmentId: c.attachmentId, kind: c.kind } };
    }
    default:
      return null;
  }
}
