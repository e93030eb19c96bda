import { z } from 'zod';
import { ATTACHMENT_KIND_PATTERN, type AttachmentRef } from './attachments';
import type { CardId, StageId, UserId } from './ids';
import { SLUG_PATTERN, STAGE_ID_PATTERN, UUID_PATTERN } from './ids';

export const CHANNELS = ['website', 'trade_show', 'phone', 'referral', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DEAL_TYPES = ['new', 'renewal'] as const;
export type DealType = (typeof DEAL_TYPES)[number];

/**
 * Who may write a field:
 * - `create`   chosen by the client when the card is created, never changed afterwards
 * - `editor`   anyone allowed to edit the card (its sales owner, a manager, ops, admin)
 * - `reassign` only roles that may hand a card to someone else (manager, ops, admin)
 * - `move`     only through `moveCard`, which checks the process rules
 * - `archive`  only through `archiveCard` / `restoreCard`
 * - `server`   computed by the server; never accepted from a client
 */
export type FieldWriter = 'create' | 'editor' | 'reassign' | 'move' | 'archive' | 'server';

const text = (max: number) => z.string().trim().max(max);
const time = z.number().int().nonnegative();

export const CUSTOM_FIELD_KEY_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;
/** Values of the fields stages add to cards (see StageConfig.customFields), keyed by field key. */
const customFieldsSchema = z.record(
  z.string().regex(CUSTOM_FIELD_KEY_PATTERN, 'Not a custom field key'),
  z.union([z.string().trim().max(1000), z.number(), z.boolean(), z.null()]),
);
const countsSchema = z.object({ red: z.number().int(), yellow: z.number().int(), green: z.number().int(), unset: z.number().int() });
/** The handoff of a deal, kept on the card by the server (see the pack/review/plan documents). */
const handoffSchema = z
  .object({
    /** When the pack (and its template) was created. */
    createdAt: time,
    /** When sales last submitted it for review; null until then. */
    submittedAt: time.nullable(),
    submissions: z.number().int().nonnegative(),
    /** When product first reviewed every requirement of the current submission. */
    reviewedAt: time.nullable(),
    /** When delivery first posted a plan that counts (modules, dependencies, schedule filled). */
    planPostedAt: time.nullable(),
    planVersions: z.number().int().nonnegative(),
    /** Traffic-light counts over the pack's requirements. */
    counts: countsSchema,
  })
  .nullable();
/** What the owner said at standup about a stuck deal (the three prompts). */
const standupNotesSchema = z
  .object({ stuck: z.string(), help: z.string(), today: z.string(), updatedAt: time, by: z.string() })
  .nullable();
const attachmentRefSchema = z.object({
  id: z.string().regex(UUID_PATTERN),
  kind: z.string().regex(ATTACHMENT_KIND_PATTERN),
  name: z.string().max(255),
  contentType: z.string().max(200),
  size: z.number().int().nonnegative(),
  uploadedBy: z.string(),
  at: time,
});

/** The card model: one table of field name -> type (a validator) -> who may write it. */
export const CARD_FIELDS = {
  id: { schema: z.uuid(), write: 'create' },
  title: { schema: text(200).min(1, 'Title cannot be empty'), write: 'editor' },
  customer: { schema: text(200).min(1, 'Customer cannot be empty'), write: 'editor' },
  contactName: { schema: text(200), write: 'editor' },
  needSummary: { schema: text(4000), write: 'editor' },
  decisionMaker: { schema: text(200), write: 'editor' },
  ownerId: { schema: z.string().regex(SLUG_PATTERN, 'Not a user id'), write: 'reassign' },
  channel: { schema: z.enum(CHANNELS), write: 'editor' },
  region: { schema: text(100), write: 'editor' },
  industry: { schema: text(100), write: 'editor' },
  dealType: { schema: z.enum(DEAL_TYPES), write: 'editor' },
  amount: { schema: z.number().nonnegative().max(1e12).nullable(), write: 'editor' },
  currency: { schema: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter ISO currency code'), write: 'editor' },
  nextStep: { schema: text(500), write: 'editor' },
  customFields: { schema: customFieldsSchema, write: 'editor' },
  attachments: { schema: z.array(attachmentRefSchema), write: 'server' },
  handoff: { schema: handoffSchema, write: 'server' },
  standupNotes: { schema: standupNotesSchema, write: 'server' },
  stage: { schema: z.string().regex(STAGE_ID_PATTERN), write: 'move' },
  rank: { schema: z.string().min(1).max(128), write: 'server' },
  archived: { schema: z.boolean(), write: 'archive' },
  createdAt: { schema: time, write: 'server' },
  updatedAt: { schema: time, write: 'server' },
  lastActivityAt: { schema: time, write: 'server' },
  stageEnteredAt: { schema: time, write: 'server' },
} as const satisfies Record<string, { schema: z.ZodType; write: FieldWriter }>;

export type CardFieldName = keyof typeof CARD_FIELDS;
export const CARD_FIELD_NAMES = Object.keys(CARD_FIELDS) as CardFieldName[];

type FieldValue<K extends CardFieldName> = z.infer<(typeof CARD_FIELDS)[K]['schema']>;

/** A deal on the board. Times are epoch milliseconds set by the server. */
export type Card = { [K in CardFieldName]: FieldValue<K> } & {
  id: CardId;
  ownerId: UserId;
  stage: StageId;
  attachments: AttachmentRef[];
};

/** Fields a client may send in `updateCard` (subject to role checks). */
export const EDITABLE_FIELDS = CARD_FIELD_NAMES.filter((name) => {
  const w = CARD_FIELDS[name].write;
  return w === 'editor' || w === 'reassign';
}) as Array<
  | 'title'
  | 'customer'
  | 'contactName'
  | 'needSummary'
  | 'decisionMaker'
  | 'ownerId'
  | 'channel'
  | 'region'
  | 'industry'
  | 'dealType'
  | 'amount'
  | 'currency'
  | 'nextStep'
  | 'customFields'
>;
export type EditableField = (typeof EDITABLE_FIELDS)[number];
export type CardPatch = Partial<Pick<Card, EditableField>>;

export const isCardFieldName = (name: string): name is CardFieldName =>
  Object.prototype.hasOwnProperty.call(CARD_FIELDS, name);

/** Values a new card gets for fields its creator did not fill in. */
export const CARD_DEFAULTS = {
  contactName: '',
  needSummary: '',
  decisionMaker: '',
  channel: 'other',
  region: '',
  industry: '',
  dealType: 'new',
  amount: null,
  currency: 'CNY',
  nextStep: '',
  customFields: Object.freeze({}) as Card['customFields'],
  attachments: Object.freeze([]) as unknown as AttachmentRef[],
  handoff: null,
  standupNotes: null,
  archived: false,
} satisfies Partial<Card>;
