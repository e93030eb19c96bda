export type { Brand, BoardId, CardId, CommandId, StageId, UserId } from './model/ids';
export {
  asBoardId,
  asCardId,
  asCommandId,
  asStageId,
  asUserId,
  SLUG_PATTERN,
  STAGE_ID_PATTERN,
  UUID_PATTERN,
} from './model/ids';
export type { Actor, Membership, Role, User } from './model/roles';
export { isRole, ROLES } from './model/roles';
export type { LocalizedLabel, StageConfig } from './model/stages';
export { DEFAULT_STAGES, FIRST_STAGE_ID, PACK_STAGE_ID, stageIndex } from './model/stages';
export type { Card, CardFieldName, CardPatch, Channel, DealType, EditableField, FieldWriter } from './model/card';
export {
  CARD_DEFAULTS,
  CARD_FIELD_NAMES,
  CARD_FIELDS,
  CHANNELS,
  DEAL_TYPES,
  EDITABLE_FIELDS,
  isCardFieldName,
} from './model/card';
export { userColor } from './model/colors';
export type { Refusal, Result } from './rules/result';
export { ok, refuse } from './rules/result';
export type { BoardAction, CardAction } from './rules/permissions';
export {
  BOARD_RIGHTS,
  CARD_RIGHTS,
  canActOnCard,
  canApplyPatch,
  canCreateWithOwner,
  canDoOnBoard,
} from './rules/permissions';
export type {
  ArchiveCardCommand,
  Command,
  CommandInput,
  CommandType,
  CreateCardCommand,
  MoveCardCommand,
  RestoreCardCommand,
  UpdateCardCommand,
} from './commands/types';
export { cardPatchSchema, COMMAND_TYPES, commandSchema } from './commands/schemas';
export type { ParseFailure } from './commands/parse';
export { parseCommand } from './commands/parse';
export type { DocKind, DocName } from './protocol/documents';
export { boardDocName, cardDocName, DOC_KINDS, parseDocName } from './protocol/documents';
export type { RejectReason } from './protocol/reasons';
export { CLOSE_CODES, REJECT_REASONS } from './protocol/reasons';
export { LIMITS } from './protocol/limits';
export type { CommandAnswer, NotificationMessage, PresenceUser, ServerMessage } from './protocol/messages';
export { ACKS_IN_UPDATES, parseServerMessage, withAcksInUpdates } from './protocol/messages';
export { compareByRank, isValidRank, rankBetween, REBALANCE_RANK_LENGTH, spreadRanks } from './rank/rank';
export type { BoardEvent, EventType } from './protocol/events';
export { EVENT_TYPES } from './protocol/events';
export type { CustomFieldDef, CustomFieldType, Requirement } from './model/stages';
export { activeStages } from './model/stages';
export type { AttachmentRef } from './model/attachments';
export { ATTACHMENT_KIND_PATTERN, ATTACHMENT_KINDS, ATTACHMENT_LIMITS, attachmentKindLabel } from './model/attachments';
export { CUSTOM_FIELD_KEY_PATTERN } from './model/card';
export type { GateCard, MissingItem, MoveCheck } from './rules/gates';
export { OVERRIDABLE_REQUIREMENTS } from './rules/gates';
export { checkMove, fieldLabel, isRequirementMet, missingForStage, openForNextStage, requirementLabel } from './rules/gates';
export type { AddStageCommand, UpdateStageCommand } from './commands/types';
export { requirementSchema, stageSettingsSchema } from './commands/boardSchemas';
export type { DocRight } from './rules/documents';
export { DOC_EDITORS, DOC_RIGHTS, docRight } from './rules/documents';
export type { CardHealth, SlaCard, SlaClock, SlaConfig, SlaRule, SlaState } from './rules/sla';
export { alertKey, cardHealth, DEFAULT_SLA, normalizeSla, SLA_RECIPIENTS, SLA_RULES, slaClocks } from './rules/sla';
export type { StandupPrompt, StandupState } from './model/standup';
export { readStandup, speakerRemainingMs, STANDUP_PROMPTS, STANDUP_SECONDS } from './model/standup';
