import {
  activeStages,
  CARD_DEFAULTS,
  canActOnCard,
  canApplyPatch,
  canCreateWithOwner,
  checkMove,
  EVENT_TYPES,
  FIRST_STAGE_ID,
  ok,
  refuse,
  stageIndex,
  type Card,
  type Command,
  type Result,
} from '@baton/shared-types';
import { existingCard, type Decision, type DecisionContext, type DecisionEvent } from './context';
import { decideAttachment } from './decideAttachments';
import { createHandoff, decideHandoff, newHandoff, PACK_STAGE } from './decideHandoff';
import { decideMeeting } from './decideMeeting';
import { decideStage } from './decideStages';
import { placeInColumn } from './placement';


const TYPE_OF_VALUE = { text: 'string', number: 'number', boolean: 'boolean' } as const;

/** Merges custom field values into the card's, checking each against the stage that defines it. */
function mergeCustomFields(ctx: DecisionContext, current: Card['customFields'], patch: Card['customFields']): Result<Card['customFields']> {
  const defs = new Map(ctx.stages.flatMap((s) => s.customFields.map((f) => [f.key, f] as const)));
  const merged: Card['customFields'] = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    const def = defs.get(key);
    if (!def) return refuse('invalid', `No stage defines a field '${key}'`);
    if (value === null) {
      delete merged[key];
      continue;
    }
    if (typeof value !== TYPE_OF_VALUE[def.type]) return refuse('invalid', `'${def.label.en}' must be ${def.type === 'text' ? 'text' : `a ${def.type}`}`);
    merged[key] = value;
  }
  return ok(merged);
}

/** The fields of `patch` that change `card`, after checking who may change them. */
function preparePatch(ctx: DecisionContext, card: Card, patch: Record<string, unknown>): Result<Partial<Card>> {
  const allowed = canApplyPatch(ctx.actor, card, patch);
  if (!allowed.ok) return allowed;
  const owner = checkOwner(ctx, patch.ownerId as string | undefined);
  if (!owner.ok) return owner;
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (key === 'customFields') {
      const merged = mergeCustomFields(ctx, card.customFields, value as Card['customFields']);
      if (!merged.ok) return merged;
      if (JSON.stringify(merged.value) !== JSON.stringify(card.customFields)) changed.customFields = merged.value;
    } else if (card[key as keyof Card] !== value) {
      changed[key] = value;
    }
  }
  return ok(changed as Partial<Card>);
}

const beforeOf = (card: Card, changed: Partial<Card>) => Object.fromEntries(Object.keys(changed).map((k) => [k, card[k as keyof Card]]));

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
  const firstStage = activeStages(ctx.stages)[0]?.id ?? FIRST_STAGE_ID;
  if (cmd.card.customFields) {
    const custom = mergeCustomFields(ctx, {}, cmd.card.customFields);
    if (!custom.ok) return custom;
  }
  const { rank, reranked } = placeInColumn(ctx.column(firstStage), id, cmd.afterCardId ?? null, cmd.beforeCardId ?? null);
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
  const prepared = preparePatch(ctx, card, cmd.fields);
  if (!prepared.ok) return prepared;
  if (card.archived) return refuse('conflict', 'This card is archived; restore it before editing');
  const changed = prepared.value;
  if (Object.keys(changed).length === 0) return ok({ effects: [], events: [] });
  const before = beforeOf(card, changed);
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
  const prepared = cmd.fields ? preparePatch(ctx, card, cmd.fields) : ok({} as Partial<Card>);
  if (!prepared.ok) return prepared;
  const changed = prepared.value;
  const target = ctx.column(cmd.toStage).filter((c) => c.id !== card.id && !c.archived);
  const gate = checkMove(ctx.stages, { ...card, ...changed }, cmd.toStage, {
    targetCount: target.length,
    reason: cmd.reason,
    overrideWip: cmd.overrideWip,
    overrideGate: cmd.overrideGate,
    actor: ctx.actor,
  });
  if (!gate.ok) return gate;

  const fromIndex = stageIndex(ctx.stages, card.stage);
  const toIndex = stageIndex(ctx.stages, cmd.toStage);
  const { rank, reranked } = placeInColumn(target, card.id, cmd.afterCardId, cmd.beforeCardId);
  const sameStage = cmd.toStage === card.stage;
  const hasEdits = Object.keys(changed).length > 0;
  if (sameStage && rank === card.rank && reranked.length === 0 && !hasEdits) return ok({ effects: [], events: [], result: { rank } });
  const fields: Partial<Card> = sameStage
    ? { ...changed, rank, updatedAt: ctx.now }
    : { ...changed, stage: cmd.toStage as Card['stage'], rank, stageEnteredAt: ctx.now, updatedAt: ctx.now, lastActivityAt: ctx.now };
  if (hasEdits) fields.lastActivityAt = ctx.now;
  const data: Record<string, unknown> = sameStage
    ? { stage: card.stage, fromRank: card.rank, toRank: rank }
    : { from: card.stage, to: cmd.toStage, backward: fromIndex > toIndex, daysInFromStage: (ctx.now - card.stageEnteredAt) / 86_400_000 };
  if (cmd.reason) data.reason = cmd.reason;
  if (cmd.overrideWip && !sameStage) data.wipOverride = true;
  if (cmd.overrideGate && !sameStage) data.gateOverride = true;
  const events: DecisionEvent[] = [];
  if (hasEdits) events.push({ cardId: card.id, type: EVENT_TYPES.cardUpdated, data: { before: beforeOf(card, changed), after: changed } });
  events.push({ cardId: card.id, type: sameStage ? EVENT_TYPES.cardReordered : EVENT_TYPES.cardMoved, data });
  // Entering Negotiation creates the handoff pack, so the team can start on it at once.
  const pack = cmd.toStage === PACK_STAGE && !card.handoff ? createHandoff(card, ctx.now) : null;
  if (pack) fields.handoff = newHandoff(ctx.now);
  return ok({
    effects: [
      { op: 'setFields', cardId: card.id, fields },
      ...reranked.map((r) => ({ op: 'setFields' as const, cardId: r.cardId, fields: { rank: r.rank } })),
    ],
    events: pack ? [...events, ...pack.events] : events,
    result: { stage: cmd.toStage, rank },
    ...(pack ? { followUps: pack.followUps } : {}),
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
  const fields: Partial<Card> = { archived, updatedAt: ctx.now };
  const stage = ctx.stages[stageIndex(ctx.stages, card.stage)];
  if (!archived && (!stage || stage.retired)) {
    // Its stage was retired while it was archived: it comes back at the end of the first column.
    const first = activeStages(ctx.stages)[0];
    if (first) {
      fields.stage = first.id;
      fields.rank = placeInColumn(ctx.column(first.id), card.id).rank;
      fields.stageEnteredAt = ctx.now;
    }
  }
  return ok({
    effects: [{ op: 'setFields', cardId: card.id, fields }],
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
    case 'addStage':
    case 'updateStage':
    case 'moveStage':
    case 'retireStage':
      return decideStage(command, ctx);
    case 'attachFile':
    case 'tagAttachment':
    case 'detachFile':
      return decideAttachment(command, ctx);
    case 'createPack':
    case 'submitPack':
    case 'postPlan':
      return decideHandoff(command, ctx);
    case 'updateSla':
    case 'startStandup':
    case 'standupStep':
    case 'standupNote':
      return decideMeeting(command, ctx);
  }
}
