import { DEFAULT_SLA, type SlaConfig } from '@baton/shared-types';

export const SLA_FIELDS = ['quoteStaleHours', 'reviewHours', 'planHours', 'stuckDays', 'dueSoonShare'] as const;
export type SlaField = (typeof SLA_FIELDS)[number];
/** The form's text per field; the due-soon share is edited as a percentage. */
export type SlaDraft = Record<SlaField, string>;
export type SlaFieldError = 'invalid' | 'invalidShare';

const MAX: Record<SlaField, number> = { quoteStaleHours: 24 * 365, reviewHours: 24 * 365, planHours: 24 * 365, stuckDays: 365, dueSoonShare: 99 };

export const unitOf = (field: SlaField): 'hours' | 'days' | 'percent' => (field === 'stuckDays' ? 'days' : field === 'dueSoonShare' ? 'percent' : 'hours');

const shown = (field: SlaField, value: number) => (field === 'dueSoonShare' ? String(Math.round(value * 1000) / 10) : String(value));

export function draftOf(sla: SlaConfig): SlaDraft {
  return Object.fromEntries(SLA_FIELDS.map((f) => [f, shown(f, sla[f])])) as SlaDraft;
}

/** The default of a field as the form shows it ("72", "25"). */
export const defaultText = (field: SlaField) => shown(field, DEFAULT_SLA[field]);

/** Reads the form: what changed against `current` (for `updateSla`), or what is wrong per field. */
export function parseDraft(draft: SlaDraft, current: SlaConfig): { changes: Partial<SlaConfig>; errors: Partial<Record<SlaField, SlaFieldError>> } {
  const changes: Partial<SlaConfig> = {};
  const errors: Partial<Record<SlaField, SlaFieldError>> = {};
  for (const field of SLA_FIELDS) {
    const text = draft[field].trim().replace(',', '.');
    const number = text === '' ? Number.NaN : Number(text);
    const share = field === 'dueSoonShare';
    if (!Number.isFinite(number) || number <= 0 || number > MAX[field] || (share && number < 1)) {
      errors[field] = share ? 'invalidShare' : 'invalid';
      continue;
    }
    const value = share ? Math.round(number * 10) / 1000 : number;
    if (value !== current[field]) changes[field] = value;
  }
  return { changes, errors };
}
