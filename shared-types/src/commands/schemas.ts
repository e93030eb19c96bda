import { z } from 'zod';
import { CARD_FIELDS, EDITABLE_FIELDS, type EditableField } from '../model/card';
import { STAGE_ID_PATTERN } from '../model/ids';
import {
  addStageSchema,
  attachFileSchema,
  createPackSchema,
  detachFileSchema,
  postPlanSchema,
  submitPackSchema,
  moveStageSchema,
  retireStageSchema,
  tagAttachmentSchema,
  updateStageSchema,
} from './boardSchemas';
import { standupNoteSchema, standupStepSchema, startStandupSchema, updateSlaSchema } from './meetingSchemas';

const commandId = z.uuid({ message: 'Command id must be a UUID' });
const cardId = z.uuid({ message: 'Card id must be a UUID' });
const stageId = z.string().regex(STAGE_ID_PATTERN, 'Not a stage id');
const reason = z.string().trim().min(1).max(1000);

type EditableShape = { [K in EditableField]: (typeof CARD_FIELDS)[K]['schema'] };
const editableShape = Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, CARD_FIELDS[f].schema])) as EditableShape;

/** A partial set of editable fields; unknown keys are refused. */
export const cardPatchSchema = z.object(editableShape).partial().strict();

export const createCardSchema = z
  .object({
    id: commandId,
    type: z.literal('createCard'),
    card: cardPatchSchema
      .extend({
        id: cardId.optional(),
        title: CARD_FIELDS.title.schema,
        customer: CARD_FIELDS.customer.schema,
      })
      .strict(),
    /** Place the new card directly after this card of the first column (default: at the end). */
    afterCardId: cardId.optional(),
    /** ...or directly before this one (e.g. the first card, to put it on top). */
    beforeCardId: cardId.optional(),
  })
  .strict();

export const updateCardSchema = z
  .object({ id: commandId, type: z.literal('updateCard'), cardId, fields: cardPatchSchema })
  .strict();

export const moveCardSchema = z
  .object({
    id: commandId,
    type: z.literal('moveCard'),
    cardId,
    toStage: stageId,
    /** The card that should end up directly above the moved card. */
    afterCardId: cardId.nullish(),
    /** The card that should end up directly below (used when there is no `afterCardId`). */
    beforeCardId: cardId.nullish(),
    /** Why the card moves backward, or why a manager overrides a WIP limit. */
    reason: reason.optional(),
    /** Fields filled in at the moment of the move (e.g. what the target stage's gate asks for). */
    fields: cardPatchSchema.optional(),
    /** A manager moving into a full column (needs a reason). */
    overrideWip: z.boolean().optional(),
    /** A manager passing an overridable requirement, e.g. a red requirement in the pack (needs a reason). */
    overrideGate: z.boolean().optional(),
  })
  .strict();

export const archiveCardSchema = z.object({ id: commandId, type: z.literal('archiveCard'), cardId }).strict();
export const restoreCardSchema = z.object({ id: commandId, type: z.literal('restoreCard'), cardId }).strict();

export const commandSchema = z.discriminatedUnion('type', [
  createCardSchema,
  updateCardSchema,
  moveCardSchema,
  archiveCardSchema,
  restoreCardSchema,
  addStageSchema,
  updateStageSchema,
  moveStageSchema,
  retireStageSchema,
  attachFileSchema,
  tagAttachmentSchema,
  detachFileSchema,
  createPackSchema,
  submitPackSchema,
  postPlanSchema,
  updateSlaSchema,
  startStandupSchema,
  standupStepSchema,
  standupNoteSchema,
]);

export const COMMAND_TYPES = [
  'createCard',
  'updateCard',
  'moveCard',
  'archiveCard',
  'restoreCard',
  'addStage',
  'updateStage',
  'moveStage',
  'retireStage',
  'attachFile',
  'tagAttachment',
  'detachFile',
  'createPack',
  'submitPack',
  'postPlan',
  'updateSla',
  'startStandup',
  'standupStep',
  'standupNote',
] as const;
