import { z } from 'zod';
import { ATTACHMENT_KIND_PATTERN } from '../model/attachments';
import { CUSTOM_FIELD_KEY_PATTERN } from '../model/card';
import { STAGE_ID_PATTERN } from '../model/ids';
import { ROLES } from '../model/roles';

const commandId = z.uuid({ message: 'Command id must be a UUID' });
const cardId = z.uuid({ message: 'Card id must be a UUID' });
const stageId = z.string().regex(STAGE_ID_PATTERN, 'Stage ids are lowercase letters, digits and _');
const label = z.object({ en: z.string().trim().min(1).max(60), zh: z.string().trim().min(1).max(60) }).strict();

export const requirementSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('field'), field: z.string().regex(/^(custom\.)?[a-zA-Z][a-zA-Z0-9_]{0,39}$/, 'Not a field name') }).strict(),
  z.object({ kind: z.literal('attachment'), attachmentKind: z.string().regex(ATTACHMENT_KIND_PATTERN, 'Not an attachment kind') }).strict(),
  z.object({ kind: z.literal('packSubmitted') }).strict(),
]);

/** Sales creates the handoff pack (from Negotiation on); the server writes its template once. */
export const createPackSchema = z.object({ id: commandId, type: z.literal('createPack'), cardId }).strict();
/** Sales submits the pack for product's review (starts product's 24 h clock). */
export const submitPackSchema = z.object({ id: commandId, type: z.literal('submitPack'), cardId }).strict();
/** Delivery posts the current plan as a version (counts only with modules, dependencies and schedule filled). */
export const postPlanSchema = z.object({ id: commandId, type: z.literal('postPlan'), cardId }).strict();

export const customFieldDefSchema = z
  .object({ key: z.string().regex(CUSTOM_FIELD_KEY_PATTERN), label, type: z.enum(['text', 'number', 'boolean']) })
  .strict();

/** The parts of a stage ops can set. */
export const stageSettingsSchema = z
  .object({
    label,
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #0ea5e9'),
    requirements: z.array(requirementSchema).max(20),
    wipLimit: z.number().int().min(1).max(10_000).nullable(),
    approverRole: z.enum(ROLES).nullable(),
    customFields: z.array(customFieldDefSchema).max(20),
  })
  .strict();

export const addStageSchema = z
  .object({
    id: commandId,
    type: z.literal('addStage'),
    stage: stageSettingsSchema.partial({ requirements: true, wipLimit: true, approverRole: true, customFields: true }).extend({ id: stageId }).strict(),
    /** Insert after this stage (default: at the end). */
    afterStageId: stageId.optional(),
  })
  .strict();

export const updateStageSchema = z
  .object({ id: commandId, type: z.literal('updateStage'), stageId, changes: stageSettingsSchema.partial().strict() })
  .strict();

export const moveStageSchema = z
  .object({ id: commandId, type: z.literal('moveStage'), stageId, toIndex: z.number().int().min(0).max(100) })
  .strict();

export const retireStageSchema = z.object({ id: commandId, type: z.literal('retireStage'), stageId }).strict();

const attachmentId = z.uuid({ message: 'Attachment id must be a UUID' });

/** Puts a file the sender uploaded (POST .../attachments) on the card. */
export const attachFileSchema = z.object({ id: commandId, type: z.literal('attachFile'), cardId, attachmentId }).strict();

export const tagAttachmentSchema = z
  .object({ id: commandId, type: z.literal('tagAttachment'), cardId, attachmentId, kind: z.string().regex(ATTACHMENT_KIND_PATTERN) })
  .strict();

export const detachFileSchema = z.object({ id: commandId, type: z.literal('detachFile'), cardId, attachmentId }).strict();
