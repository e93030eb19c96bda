import {
  ATTACHMENT_KINDS,
  CUSTOM_FIELD_KEY_PATTERN,
  STAGE_ID_PATTERN,
  type CustomFieldType,
  type Requirement,
  type Role,
  type StageConfig,
} from '@baton/shared-types';

/** Card fields a gate can ask for: the ones people fill in (fields with a default are always "filled"). */
export const REQUIRABLE_FIELDS = ['contactName', 'needSummary', 'decisionMaker', 'amount', 'nextStep', 'region', 'industry'] as const;
export const REQUIRABLE_KINDS = Object.keys(ATTACHMENT_KINDS);

export const STAGE_COLORS = ['#64748b', '#0ea5e9', '#8b5cf6', '#f59e0b', '#ef4444', '#10b981', '#ec4899', '#14b8a6', '#6366f1', '#84cc16'];

export interface CustomFieldDraft {
  /** Stable React key (the field key can be edited). */
  uid: string;
  key: string;
  keyEdited: boolean;
  en: string;
  zh: string;
  type: CustomFieldType;
}

export interface StageDraft {
  id: string;
  idEdited: boolean;
  en: string;
  zh: string;
  color: string;
  /** Text of the WIP input; empty for no limit. */
  wipLimit: string;
  approverRole: Role | '';
  requirements: Requirement[];
  customFields: CustomFieldDraft[];
  /** Where a new stage goes (add only). */
  afterStageId: string;
}

let uidCounter = 0;
export const newUid = () => `cf${++uidCounter}`;

/** "Fast lane" -> "fast_lane": lowercase letters, digits and _, starting with a letter. */
export function slugify(label: string): string {
  const slug = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40);
  if (!slug) return '';
  return /^[a-z]/.test(slug) ? slug : `s_${slug}`.slice(0, 40);
}

/** "Accepts standard SOW" -> "acceptsStandardSow". */
export function fieldKeyOf(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const key = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('');
  if (!key) return '';
  return (/^[a-zA-Z]/.test(key) ? key : `f${key}`).slice(0, 40);
}

export function draftFromStage(stage: StageConfig): StageDraft {
  return {
    id: stage.id,
    idEdited: true,
    en: stage.label.en,
    zh: stage.label.zh,
    color: stage.color,
    wipLimit: stage.wipLimit === null ? '' : String(stage.wipLimit),
    approverRole: stage.approverRole ?? '',
    requirements: [...stage.requirements],
    customFields: stage.customFields.map((f) => ({ uid: newUid(), key: f.key, keyEdited: true, en: f.label.en, zh: f.label.zh, type: f.type })),
    afterStageId: '',
  };
}

export function emptyDraft(stages: readonly StageConfig[], afterStageId: string): StageDraft {
  const used = new Set(stages.map((s) => s.color));
  return {
    id: '',
    idEdited: false,
    en: '',
    zh: '',
    color: STAGE_COLORS.find((c) => !used.has(c)) ?? '#6366f1',
    wipLimit: '',
    approverRole: '',
    requirements: [],
    customFields: [],
    afterStageId,
  };
}

/** Requirements are small plain objects: equal when every property is. */
export const sameRequirement = (a: Requirement, b: Requirement) => JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort());

export type DraftErrors = Partial<Record<'id' | 'en' | 'zh' | 'color' | 'wipLimit' | `field:${string}`, string>>;

/** Message keys (stages.errors.*) for what the server would refuse, checked as the user types. */
export function validateDraft(draft: StageDraft, stages: readonly StageConfig[], editing: string | null): DraftErrors {
  const errors: DraftErrors = {};
  if (editing === null) {
    if (!STAGE_ID_PATTERN.test(draft.id)) errors.id = 'idFormat';
    else if (stages.some((s) => s.id === draft.id)) errors.id = 'idTaken';
  }
  if (!draft.en.trim()) errors.en = 'labelRequired';
  else if (draft.en.trim().length > 60) errors.en = 'labelTooLong';
  if (!draft.zh.trim()) errors.zh = 'labelRequired';
  else if (draft.zh.trim().length > 60) errors.zh = 'labelTooLong';
  if (!/^#[0-9a-fA-F]{6}$/.test(draft.color)) errors.color = 'color';
  if (draft.wipLimit.trim() !== '') {
    const n = Number(draft.wipLimit);
    if (!Number.isInteger(n) || n < 1 || n > 10_000) errors.wipLimit = 'wip';
  }
  const otherKeys = new Set(stages.filter((s) => s.id !== editing).flatMap((s) => s.customFields.map((f) => f.key)));
  const seen = new Set<string>();
  for (const f of draft.customFields) {
    if (!f.en.trim() || !f.zh.trim()) errors[`field:${f.uid}`] = 'fieldLabel';
    else if (!CUSTOM_FIELD_KEY_PATTERN.test(f.key)) errors[`field:${f.uid}`] = 'fieldKey';
    else if (otherKeys.has(f.key) || seen.has(f.key)) errors[`field:${f.uid}`] = 'fieldKeyTaken';
    seen.add(f.key);
  }
  return errors;
}

/** The stage settings a draft stands for (what addStage / updateStage carry). */
export function settingsOf(draft: StageDraft) {
  const keys = new Set(draft.customFields.map((f) => f.key));
  return {
    label: { en: draft.en.trim(), zh: draft.zh.trim() },
    color: draft.color.toLowerCase(),
    wipLimit: draft.wipLimit.trim() === '' ? null : Number(draft.wipLimit),
    approverRole: draft.approverRole === '' ? null : draft.approverRole,
    // A requirement on a custom field that was removed goes with it.
    requirements: draft.requirements.filter((r) => r.kind !== 'field' || !r.field.startsWith('custom.') || keys.has(r.field.slice(7))),
    customFields: draft.customFields.map((f) => ({ key: f.key, label: { en: f.en.trim(), zh: f.zh.trim() }, type: f.type })),
  };
}

export type StageSettings = ReturnType<typeof settingsOf>;

/** Only the settings that differ from the stage: the `changes` of updateStage. */
export function changedSettings(stage: StageConfig, settings: StageSettings): Partial<StageSettings> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (JSON.stringify(value) !== JSON.stringify(stage[key as keyof StageConfig])) out[key] = value;
  }
  return out as Partial<StageSettings>;
}
