import { CARD_DEFAULTS, FIRST_STAGE_ID, type Card, type CardId, type UpdateCardCommand, type Command, type StageId, type UserId } from '@baton/shared-types';
import { insertionIndex, type BaseBoard } from '@baton/shared-types/ydoc';

export interface OverlayContext {
  /** The local user, owner of cards they create. */
  userId: string;
  /** "Now" for optimistic timestamps (stageEnteredAt of a pending move, createdAt of a pending card). */
  now: number;
}

export interface OverlayResult {
  columns: ReadonlyMap<string, readonly Card[]>;
  cards: ReadonlyMap<string, Card>;
  /** Ids of cards with at least one unanswered command. */
  pending: ReadonlySet<string>;
}

/** Places `card` after `afterId`, else before `beforeId`, else at the end (the server's rule). */
export function insertRelative(column: Card[], card: Card, afterId?: string | null, beforeId?: string | null): void {
  if (afterId) {
    const i = column.findIndex((c) => c.id === afterId);
    if (i >= 0) {
      column.splice(i + 1, 0, card);
      return;
    }
  }
  if (beforeId) {
    const i = column.findIndex((c) => c.id === beforeId);
    if (i >= 0) {
      column.splice(i, 0, card);
      return;
    }
  }
  column.push(card);
}

/** The card a pending `createCard` stands for, until the server's copy arrives. */
export function optimisticCard(command: Extract<Command, { type: 'createCard' }>, stage: string, ctx: OverlayContext): Card {
  const { id, ...fields } = command.card;
  return {
    ...CARD_DEFAULTS,
    ...fields,
    id: (id ?? command.id) as CardId,
    ownerId: (fields.ownerId ?? ctx.userId) as UserId,
    stage: stage as StageId,
    rank: '',
    archived: false,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    lastActivityAt: ctx.now,
    stageEnteredAt: ctx.now,
  };
}

/** Editable fields as a command carries them. */
export type FieldsPatch = UpdateCardCommand['fields'];

/** A card with a patch applied the way the server does: custom fields merge (null clears one). */
export function patchCard(card: Card, fields: FieldsPatch | undefined): Card {
  if (!fields) return card;
  const { customFields, ...rest } = fields;
  const next = { ...card, ...rest } as Card;
  if (customFields) {
    const merged: Card['customFields'] = { ...card.customFields };
    for (const [key, value] of Object.entries(customFields)) {
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    next.customFields = merged;
  }
  return next;
}

/** The card id a command is about; null for board-level commands (stages). */
export function commandCardId(command: Command): string | null {
  if (command.type === 'createCard') return command.card.id ?? command.id;
  return 'cardId' in command ? command.cardId : null;
}

/**
 * Applies unanswered commands, in order, on top of what the document says: a pending move
 * shows the card at its target, a pending create shows the new card, a pending edit shows
 * the new values. Only the columns a command touches are copied.
 */
const NONE: ReadonlySet<string> = new Set();

export function applyOverlay(base: BaseBoard, commands: readonly Command[], ctx: OverlayContext): OverlayResult {
  if (commands.length === 0) return { columns: base.columns, cards: base.cards, pending: NONE };
  const cards = new Map(base.cards);
  const columns = new Map(base.columns);
  const copied = new Set<string>();
  const pending = new Set<string>();
  const column = (stage: string): Card[] => {
    if (!copied.has(stage)) {
      columns.set(stage, [...(columns.get(stage) ?? [])]);
      copied.add(stage);
    }
    return columns.get(stage) as Card[];
  };
  const remove = (card: Card) => {
    const list = column(card.stage);
    const i = list.findIndex((c) => c.id === card.id);
    if (i >= 0) list.splice(i, 1);
  };
  const replace = (before: Card, after: Card) => {
    cards.set(after.id, after);
    if (before.archived) return;
    const list = column(before.stage);
    const i = list.findIndex((c) => c.id === before.id);
    if (i >= 0) list[i] = after;
  };
  const firstStage = base.stages[0]?.id ?? FIRST_STAGE_ID;

  for (const command of commands) {
    const id = commandCardId(command);
    if (id === null) continue; // stage changes show once the server applies them
    pending.add(id);
    const card = cards.get(id);
    switch (command.type) {
      case 'createCard': {
        if (card) break; // the server's copy is already here
        const created = optimisticCard(command, firstStage, ctx);
        cards.set(created.id, created);
        insertRelative(column(firstStage), created, command.afterCardId, null);
        break;
      }
      case 'updateCard':
        if (card) replace(card, patchCard(card, command.fields));
        break;
      case 'tagAttachment':
        if (card) replace(card, { ...card, attachments: card.attachments.map((a) => (a.id === command.attachmentId ? { ...a, kind: command.kind } : a)) });
        break;
      case 'detachFile':
        if (card) replace(card, { ...card, attachments: card.attachments.filter((a) => a.id !== command.attachmentId) });
        break;
      case 'moveCard': {
        if (!card || card.archived) break;
        remove(card);
        const edited = patchCard(card, command.fields);
        const moved: Card =
          card.stage === command.toStage ? edited : { ...edited, stage: command.toStage as StageId, stageEnteredAt: ctx.now };
        cards.set(id, moved);
        insertRelative(column(moved.stage), moved, command.afterCardId, command.beforeCardId);
        break;
      }
      case 'archiveCard':
        if (!card || card.archived) break;
        remove(card);
        cards.set(id, { ...card, archived: true });
        break;
      case 'restoreCard': {
        if (!card || !card.archived) break;
        const restored = { ...card, archived: false };
        cards.set(id, restored);
        const list = column(restored.stage);
        list.splice(insertionIndex(list, restored), 0, restored);
        break;
      }
    }
  }
  return { columns, cards, pending };
}

/** Whether `card` already carries every value of `fields` (custom fields compared one by one). */
function hasFields(card: Card, fields: FieldsPatch): boolean {
  return Object.entries(fields).every(([key, value]) => {
    if (key !== 'customFields') return card[key as keyof Card] === value;
    return Object.entries(value as Card['customFields']).every(([k, v]) => (v === null ? !(k in card.customFields) : card.customFields[k] === v));
  });
}

/**
 * Whether the document already shows the effect of an acknowledged command, so its
 * overlay can be dropped without the card flickering back for a moment.
 */
export function isReflected(base: BaseBoard, command: Command): boolean {
  const id = commandCardId(command);
  const card = id === null ? undefined : base.cards.get(id);
  switch (command.type) {
    case 'createCard':
      return card !== undefined;
    case 'updateCard':
      return card !== undefined && hasFields(card, command.fields);
    case 'tagAttachment':
      return card !== undefined && !card.attachments.some((a) => a.id === command.attachmentId && a.kind !== command.kind);
    case 'detachFile':
      return card !== undefined && !card.attachments.some((a) => a.id === command.attachmentId);
    case 'archiveCard':
      return card?.archived === true;
    case 'restoreCard':
      return card?.archived === false;
    case 'moveCard': {
      if (!card || card.stage !== command.toStage || !hasFields(card, command.fields ?? {})) return false;
      const list = base.columns.get(card.stage) ?? [];
      const i = list.findIndex((c) => c.id === card.id);
      if (command.afterCardId && list.some((c) => c.id === command.afterCardId)) return list[i - 1]?.id === command.afterCardId;
      if (command.beforeCardId && list.some((c) => c.id === command.beforeCardId)) return list[i + 1]?.id === command.beforeCardId;
      return true;
    }
    default:
      return true; // nothing optimistic to keep for other commands
  }
}
