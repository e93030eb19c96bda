import {
  CARD_DEFAULTS,
  canActOnCard,
  canApplyPatch,
  canCreateWithOwner,
  EVENT_TYPES,
  FIRST_STAGE_ID,
  ok,
  refuse,
  stageIndex,
  type Actor,
  type Card,
  type Command,
  type Result,
  type Role,
  type StageConfig,
} from '@baton/shared-types';
import type { BoardEffect } from '@baton/shared-types/ydoc';
import type { EventRecord } from '@baton/persistence';
import { placeInColumn } from './placement';

export interface BoardMember {
  role: Role;
  region: string;
  displayName: string;
}

/** What a command sees: who acts, when, and the board as it is now. */
export interface DecisionContext {
  actor: Actor;
  now: number;
  stages: readonly StageConfig[];
  getCard(id: string): Card | null;
  column(stageId: string): Card[];
  members: ReadonlyMap<string, BoardMember>;
  newId(): string;
}

export type DecisionEvent = Pick<EventRecord, 'cardId' | 'type' | 'data'>;

/** The accepted effect of a command, computed before anything is written. */
export interface Decision {
  effects: BoardEffect[];
  events: DecisionEvent[];
  result?: Record<string, unknown>;
}

function existingCard(ctx: DecisionContext, cardId: string): Result<Card> {
  const card = ctx.getCard(cardId);
  return card ? ok(card) : refuse('not_found', 'This card does not exist on this board');
}

function changedFields(card: Card, patch: Record<string, unknown>): Partial<Card> {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined && card[key as keyof Card] !== value) changed[key] = value;
  }
  return changed as Partial<Card>;
}

function checkOwner(ctx: DecisionContext, ownerId: string | undefined): Result<true> {
  if (ownerId === undefined || ctx.members.has(ownerId)) return ok(true);
  return refuse('not_found', 'The new owner is not a member of this board');
}

function createCard(cmd: Extract<Command, { type: 'createCard' }>, ctx: DecisionContext): Result<Decision> {
  const allowed = canCreateWithOwner(ctx.actor, cmd.card.ownerId);
  if (!allowed.ok) return allowed;
  const owner = checkOwner(ctx, cmd.card.ownerId);
  if (!owner.ok) return owner;
  const id = cmd.card.id ?? ctx.newId();
  if (ctx.getCard(id)) return refuse('conflict', 'A card with this id already exists');
  const ownerId = cmd.card.ownerId ?? ctx.actor.userId;
  const firstStage = ctx.stages[0]?.id ?? FIRST_STAGE_ID;
  const { rank, reranked } = placeInColumn(ctx.column(firstStage), id, cmd.afterCardId ?? null, null);
  const card = {
    ...CARD_DEFAULTS,
    region: ctx.members.get(ownerId)?.region ?? '',
    ...cmd.card,
    id,
    ownerId,
    stage: firstStage,
    rank,
    archived: false,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    lastActivityAt: ctx.now,
    stageEnteredAt: ctx.now,
  } as Card;
  return ok({
    effects: [{ op: 'putCard', card }, ...reranked.map((r) => ({ op: 'setFields' as const, cardId: r.cardId, fields: { rank: r.rank } }))],
    events: [{ cardId: id, type: EVENT_TYPES.cardCreated, data: { card } }],
    result: { cardId: id },
  });
}

function updateCard(cmd: Extract<Command, { type: 'updateCard' }>, ctx: DecisionContext): Result<Decision> {
  const found = existingCard(ctx, cmd.cardId);
  if (!found.ok) return found;
  const card = found.value;
  const allowed = canApplyPatch(ctx.actor, card, cmd.fields);
  if (!allowed.ok) return allowed;
  if (card.archived) return refuse('conflict', 'This card is archived; restore it before editing');
  const owner = checkOwner(ctx, cmd.fields.ownerId);
  if (!owner.ok) return owner;
  const changed = changedFields(card, cmd.fields);
  if (Object.keys(changed).length === 0) return ok({ effects: [], events: [] });
  const before = Object.fromEntries(Object.keys(changed).map((k) => [k, card[k as keyof Card]]));
  return ok({
    effects: [{ op: 'setFields', cardId: card.id, fields: { ...changed, updatedAt: ctx.now, lastActivityAt: ctx.now } }],
    events: [{ cardId: card.id, type: EVENT_TYPES.cardUpdated, data: { before, after: changed } }],
  });
}

function moveCard(cmd: Extract<Command, { type: 'moveCard' }>, ctx: DecisionContext): Result<Decision> {
  const found = existingCard(ctx, cmd.cardId);
  if (!found.ok) return found;
  const card = found.value;
  const allowed = canActOnCard(ctx.actor, 'move', card);
  if (!allowed.ok) return allowed;
  if (card.archived) return refuse('conflict', 'This card is archived; restore it before moving it');
  const toIndex = stageIndex(ctx.stages, cmd.toStage);
  if (toIndex < 0) return refuse('not_found', `This board has no stage '${cmd.toStage}'`, { stage: cmd.toStage });
  const fromIndex = stageIndex(ctx.stages, card.stage);
  const { rank, reranked } = placeInColumn(ctx.column(cmd.toStage), card.id, cmd.afterCardId, cmd.beforeCardId);
  const sameStage = cmd.toStage === card.stage;
  if (sameStage && rank === card.rank && reranked.length === 0) return ok({ effects: [], events: [], result: { rank } });
  const fields: Partial<Card> = sameStage
    ? { rank, updatedAt: ctx.now }
    : { stage: cmd.toStage as Card['stage'], rank, stageEnteredAt: ctx.now, updatedAt: ctx.now, lastActivityAt: ctx.now };
  const data: Record<string, unknown> = sameStage
    ? { stage: card.stage, fromRank: card.rank, toRank: rank }
    : { from: card.stage, to: cmd.toStage, backward: fromIndex > toIndex, daysInFromStage: (ctx.now - card.stageEnteredAt) / 86_400_000 };
  if (cmd.reason) data.reason = cmd.reason;
  return ok({
    effects: [
      { op: 'setFields', cardId: card.id, fields },
      ...reranked.map((r) => ({ op: 'setFields' as const, cardId: r.cardId, fields: { rank: r.rank } })),
    ],
    events: [{ cardId: card.id, type: sameStage ? EVENT_TYPES.cardReordered : EVENT_TYPES.cardMoved, data }],
    result: { stage: cmd.toStage, rank },
  });
}

function setArchived(cmd: Extract<Command, { type: 'archiveCard' | 'restoreCard' }>, ctx: DecisionContext): Result<Decision> {
  const found = existingCard(ctx, cmd.cardId);
  if (!found.ok) return found;
  const card = found.value;
  const allowed = canActOnCard(ctx.actor, 'archive', card);
  if (!allowed.ok) return allowed;
  const archived = cmd.type === 'archiveCard';
  if (card.archived === archived) return ok({ effects: [], events: [] });
  return ok({
    effects: [{ op: 'setFields', cardId: card.id, fields: { archived, updatedAt: ctx.now } }],
    events: [{ cardId: card.id, type: archived ? EVENT_TYPES.cardArchived : EVENT_TYPES.cardRestored, data: { stage: card.stage } }],
  });
}

/** Decides what a valid command does to the board, or why it may not. Pure: writes nothing. */
export function decide(command: Command, ctx: DecisionContext): Result<Decision> {
  switch (command.type) {
    case 'createCard':
      return createCard(command, ctx);
    case 'updateCard':
      return updateCard(command, ctx);
    case 'moveCard':
      return moveCard(command, ctx);
    case 'archiveCard':
    case 'restoreCard':
      return setArchived(command, ctx);
  }
}
