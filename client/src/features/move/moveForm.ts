import { stageIndex, type AttachmentRef, type Card, type CustomFieldDef, type MissingItem, type Requirement, type StageConfig } from '@baton/shared-types';
import type { FieldsPatch } from '../../sync/overlay';
import { parseAmount } from '../card/cardForm';
import { parseDraft, type CustomDraft } from '../card/customFields';

/** A stable key for one requirement of one stage. */
export function itemKey(item: Pick<MissingItem, 'stageId' | 'requirement'>): string {
  const req = item.requirement;
  return `${item.stageId}:${req.kind}:${'field' in req ? req.field : 'attachmentKind' in req ? req.attachmentKind : ''}`;
}

/** Where a draft for a field requirement is kept: the card field name, or `custom.<key>`. */
export const draftKey = (req: Requirement): string | null => (req.kind === 'field' ? req.field : null);

/**
 * Every item to show, without repeats, in pipeline order: what was missing when the dialog
 * opened (so filled items stay listed, ticked), what is missing now, and what the server named.
 */
export function mergeItems(stages: readonly StageConfig[], lists: ReadonlyArray<readonly MissingItem[]>): MissingItem[] {
  const seen = new Map<string, MissingItem>();
  for (const list of lists) for (const item of list) if (!seen.has(itemKey(item))) seen.set(itemKey(item), item);
  const order = (item: MissingItem) => {
    const s = stageIndex(stages, item.stageId);
    const r = stages[s]?.requirements.findIndex((req) => itemKey({ stageId: item.stageId, requirement: req }) === itemKey(item)) ?? -1;
    return (s < 0 ? 999 : s) * 100 + (r < 0 ? 99 : r);
  };
  return [...seen.values()].sort((a, b) => order(a) - order(b));
}

/** Items grouped by the stage that asks for them (a jump over several stages shows each gate). */
export function groupByStage(items: readonly MissingItem[]): Array<{ stageId: string; items: MissingItem[] }> {
  const groups: Array<{ stageId: string; items: MissingItem[] }> = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.stageId === item.stageId) last.items.push(item);
    else groups.push({ stageId: item.stageId, items: [item] });
  }
  return groups;
}

export function customFieldDef(stages: readonly StageConfig[], key: string): CustomFieldDef | undefined {
  for (const stage of stages) {
    const def = stage.customFields.find((f) => f.key === key);
    if (def) return def;
  }
  return undefined;
}

/**
 * The `fields` of the move: what the user typed for the missing field requirements. Empty
 * drafts and unticked boxes are left out (they fill nothing); `invalid` names unreadable numbers.
 */
export function fieldsFromDrafts(stages: readonly StageConfig[], drafts: Readonly<Record<string, CustomDraft>>): { fields: FieldsPatch; invalid: string[] } {
  const fields: Record<string, unknown> = {};
  const custom: Record<string, string | number | boolean> = {};
  const invalid: string[] = [];
  for (const [key, draft] of Object.entries(drafts)) {
    if (key.startsWith('custom.')) {
      const def = customFieldDef(stages, key.slice('custom.'.length));
      if (!def) continue;
      const parsed = parseDraft(def, draft);
      if (!parsed.ok) invalid.push(key);
      else if (parsed.value !== null && parsed.value !== false) custom[def.key] = parsed.value;
    } else if (key === 'amount') {
      const amount = parseAmount(String(draft));
      if (amount !== null && (!Number.isFinite(amount) || amount < 0 || amount > 1e12)) invalid.push(key);
      else if (amount !== null) fields.amount = amount;
    } else if (typeof draft === 'string' && draft.trim() !== '') {
      fields[key] = draft.trim();
    }
  }
  if (Object.keys(custom).length > 0) fields.customFields = custom;
  return { fields: fields as FieldsPatch, invalid };
}

/** The card's attachments plus uploads the document has not shown yet. */
export function withUploads(card: Card, uploaded: readonly AttachmentRef[]): Card {
  const extra = uploaded.filter((u) => !card.attachments.some((a) => a.id === u.id));
  return extra.length === 0 ? card : { ...card, attachments: [...card.attachments, ...extra] };
}
