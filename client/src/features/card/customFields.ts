import type { Card, CustomFieldDef, StageConfig } from '@baton/shared-types';

/** What an input holds for a custom field: text for text and number fields, a flag for yes/no fields. */
export type CustomDraft = string | boolean;
export type CustomValue = string | number | boolean | null;

export function draftOf(def: CustomFieldDef, value: unknown): CustomDraft {
  if (def.type === 'boolean') return value === true;
  return value === null || value === undefined ? '' : String(value);
}

/** The typed value of a draft; null clears the field; `invalid` for a number that is not one. */
export function parseDraft(def: CustomFieldDef, draft: CustomDraft): { ok: true; value: CustomValue } | { ok: false } {
  if (def.type === 'boolean') return { ok: true, value: draft === true };
  const text = String(draft).trim();
  if (text === '') return { ok: true, value: null };
  if (def.type === 'text') return { ok: true, value: text };
  const n = Number(text.replace(/[\s,，_]/g, ''));
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false };
}

/** Every custom field the board's stages define, with the stage that defines it (retired stages skipped). */
export function customFieldsOf(stages: readonly StageConfig[]): Array<{ stage: StageConfig; def: CustomFieldDef }> {
  return stages.filter((s) => !s.retired).flatMap((stage) => stage.customFields.map((def) => ({ stage, def })));
}

/** The `customFields` patch for the drafts that differ from the card (null clears). */
export function customPatch(card: Card, defs: readonly CustomFieldDef[], drafts: Readonly<Record<string, CustomDraft>>): { patch: Card['customFields']; invalid: string[] } {
  const patch: Card['customFields'] = {};
  const invalid: string[] = [];
  for (const def of defs) {
    const draft = drafts[def.key];
    if (draft === undefined) continue;
    const parsed = parseDraft(def, draft);
    if (!parsed.ok) {
      invalid.push(def.key);
      continue;
    }
    const current = card.customFields[def.key] ?? null;
    if (parsed.value !== current) patch[def.key] = parsed.value;
  }
  return { patch, invalid };
}
