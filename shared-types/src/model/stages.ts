import type { StageId } from './ids';
import type { Role } from './roles';

export interface LocalizedLabel {
  en: string;
  zh: string;
}

/**
 * What a card needs before it may enter a stage. An open set of kinds: later features add
 * kinds (a sent quote, a submitted handoff pack) without reshaping the ones here. A kind this
 * build does not know is treated as not met, never as met.
 */
export type Requirement =
  /** A card field (`contactName`) or a stage's custom field (`custom.acceptsStandardSow`) is filled in. */
  | { kind: 'field'; field: string }
  /** An attachment of this kind (see ATTACHMENT_KINDS) is on the card. */
  | { kind: 'attachment'; attachmentKind: string }
  /** The handoff pack was submitted for review and no requirement is red. A manager may override with a reason. */
  | { kind: 'packSubmitted' };

export type CustomFieldType = 'text' | 'number' | 'boolean';

/** A field a stage adds to cards, e.g. "accepts standard SOW" for a Fast lane. */
export interface CustomFieldDef {
  key: string;
  label: LocalizedLabel;
  type: CustomFieldType;
}

export interface StageConfig {
  id: StageId;
  label: LocalizedLabel;
  /** CSS colour used for the column accent. */
  color: string;
  /** Entry gate: everything a card needs before it may enter this stage (forward moves only). */
  requirements: Requirement[];
  /** Most cards the column may hold; null for no limit. A manager may override with a reason. */
  wipLimit: number | null;
  /** Role that approves work in this stage (e.g. a Fast lane's approver); informational for now. */
  approverRole: Role | null;
  /** Fields this stage adds to cards. */
  customFields: CustomFieldDef[];
  /** A retired stage keeps its id and labels for history but is no longer a column. */
  retired: boolean;
}

const field = (name: string): Requirement => ({ kind: 'field', field: name });
const attachment = (kind: string): Requirement => ({ kind: 'attachment', attachmentKind: kind });

const stage = (id: string, en: string, zh: string, color: string, requirements: Requirement[] = []): StageConfig => ({
  id: id as StageId,
  label: { en, zh },
  color,
  requirements,
  wipLimit: null,
  approverRole: null,
  customFields: [],
  retired: false,
});

/** The standard B2B pipeline, in order, with its default entry gates. */
export const DEFAULT_STAGES: readonly StageConfig[] = Object.freeze([
  stage('lead', 'Lead', '线索', '#64748b'),
  stage('needs_confirmed', 'Needs confirmed', '需求确认', '#0ea5e9', [field('contactName'), field('needSummary')]),
  stage('solution_demo', 'Solution demo', '方案演示', '#8b5cf6', [attachment('pain_points'), attachment('competitor_comparison')]),
  stage('quote', 'Quote', '报价', '#f59e0b', [field('amount')]),
  stage('negotiation', 'Negotiation', '谈判', '#ef4444', [field('decisionMaker')]),
  stage('signed', 'Signed', '签约', '#10b981', [{ kind: 'packSubmitted' }]),
]);

export const FIRST_STAGE_ID = 'lead' as StageId;
/** Entering this stage creates the deal's handoff pack; packs can be created from here on. */
export const PACK_STAGE_ID = 'negotiation' as StageId;

/** Position of a stage in the board's order, or -1 when the board has no such stage. */
export function stageIndex(stages: readonly StageConfig[], id: string): number {
  return stages.findIndex((s) => s.id === id);
}

/** The stages that are columns on the board (not retired), in order. */
export const activeStages = (stages: readonly StageConfig[]) => stages.filter((s) => !s.retired);
