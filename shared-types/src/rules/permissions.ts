import type { Actor, Role } from '../model/roles';
import { ok, refuse, type Result } from './result';

export type CardAction = 'create' | 'edit' | 'reassign' | 'move' | 'archive';
export type BoardAction = 'configureStages' | 'importCards' | 'manageMembers';

interface CardRights {
  /** Allowed on any card of the board. */
  any: readonly CardAction[];
  /** Allowed only on cards the actor owns. */
  own: readonly CardAction[];
}

/** Who may do what to cards. Product and delivery read the board; they work in the handoff documents. */
export const CARD_RIGHTS: Readonly<Record<Role, CardRights>> = {
  sales: { any: ['create'], own: ['edit', 'move', 'archive'] },
  manager: { any: ['create', 'edit', 'reassign', 'move', 'archive'], own: [] },
  ops: { any: ['create', 'edit', 'reassign', 'move', 'archive'], own: [] },
  admin: { any: ['create', 'edit', 'reassign', 'move', 'archive'], own: [] },
  product: { any: [], own: [] },
  delivery: { any: [], own: [] },
};

export const BOARD_RIGHTS: Readonly<Record<Role, readonly BoardAction[]>> = {
  sales: [],
  product: [],
  delivery: [],
  manager: [],
  ops: ['configureStages', 'importCards'],
  admin: ['configureStages', 'importCards', 'manageMembers'],
};

const VERB: Record<CardAction, string> = {
  create: 'create cards',
  edit: 'edit',
  reassign: 'hand cards to another owner',
  move: 'move',
  archive: 'archive',
};

/** Can `actor` perform `action` on `card` (a card they may or may not own)? */
export function canActOnCard(actor: Actor, action: CardAction, card?: { ownerId: string }): Result<true> {
  const rights = CARD_RIGHTS[actor.role];
  if (rights.any.includes(action)) return ok(true);
  if (card && rights.own.includes(action) && card.ownerId === actor.userId) return ok(true);
  if (card && rights.own.includes(action)) {
    return refuse('forbidden', `As ${actor.role} you can ${VERB[action]} only your own cards`);
  }
  if (action === 'create' || action === 'reassign') return refuse('forbidden', `The ${actor.role} role cannot ${VERB[action]}`);
  return refuse('forbidden', `The ${actor.role} role cannot ${VERB[action]} cards`);
}

export function canDoOnBoard(actor: Actor, action: BoardAction): Result<true> {
  return BOARD_RIGHTS[actor.role].includes(action)
    ? ok(true)
    : refuse('forbidden', `The ${actor.role} role cannot ${action === 'configureStages' ? 'change stages' : action}`);
}

/** Checks an edit: editing needs `edit`; changing the owner additionally needs `reassign`. */
export function canApplyPatch(actor: Actor, card: { ownerId: string }, patch: { ownerId?: string | undefined; [field: string]: unknown }): Result<true> {
  const edit = canActOnCard(actor, 'edit', card);
  if (!edit.ok) return edit;
  if (patch.ownerId !== undefined && patch.ownerId !== card.ownerId) {
    return canActOnCard(actor, 'reassign', card);
  }
  return ok(true);
}

/** A new card belongs to its creator unless someone allowed to reassign names another owner. */
export function canCreateWithOwner(actor: Actor, ownerId: string | undefined): Result<true> {
  const create = canActOnCard(actor, 'create');
  if (!create.ok) return create;
  if (ownerId !== undefined && ownerId !== actor.userId) return canActOnCard(actor, 'reassign');
  return ok(true);
}
