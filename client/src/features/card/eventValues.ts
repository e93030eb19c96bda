import type { StageConfig } from '@baton/shared-types';
import type { TFunction } from 'i18next';
import type { Language } from '../../i18n';

/** What a history line needs to put names and values into words. */
export interface HistoryContext {
  t: TFunction;
  language: Language;
  locale: string;
  stageLabel(id: string): string;
  memberName(id: string): string;
  /** The label of a stage's custom field, or the key when no stage defines it any more. */
  customLabel(key: string): string;
}

/** The history context of a board: stage and custom field labels, member names. */
export function historyContext(args: {
  t: TFunction;
  language: Language;
  locale: string;
  stages: readonly StageConfig[];
  memberName(id: string): string;
}): HistoryContext {
  const { t, language, locale, stages, memberName } = args;
  return {
    t,
    language,
    locale,
    memberName,
    stageLabel: (id) => stages.find((s) => s.id === id)?.label[language] ?? id,
    customLabel: (key) => stages.flatMap((s) => s.customFields).find((f) => f.key === key)?.label[language] ?? key,
  };
}

const MAX = 80;
const quote = (text: string, language: Language) => {
  const short = text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
  return language === 'zh' ? `“${short}”` : `“${short}”`;
};

/** A field value as a reader wants it: names for ids, localised choices, quoted text, "empty". */
export function formatValue(field: string, value: unknown, ctx: HistoryContext): string {
  const { t, language, locale } = ctx;
  if (value === null || value === undefined || value === '') return t('events.empty');
  if (typeof value === 'boolean') return value ? t('events.yes') : t('events.no');
  switch (field) {
    case 'ownerId':
      return ctx.memberName(String(value));
    case 'channel':
      return t(`channels.${String(value)}`, { defaultValue: String(value) });
    case 'dealType':
      return t(`dealTypes.${String(value)}`, { defaultValue: String(value) });
    case 'amount':
      return typeof value === 'number' ? new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value) : String(value);
  }
  if (typeof value === 'number') return new Intl.NumberFormat(locale).format(value);
  if (typeof value === 'string') return quote(value, language);
  return JSON.stringify(value);
}

/** "Amount: 260,000 → 300,000" lines for an edit event (custom fields one line each). */
export function changeLines(before: Record<string, unknown>, after: Record<string, unknown>, ctx: HistoryContext): string[] {
  const lines: string[] = [];
  for (const [field, value] of Object.entries(after)) {
    if (field === 'customFields' && value && typeof value === 'object') {
      const old = (before.customFields ?? {}) as Record<string, unknown>;
      const now = value as Record<string, unknown>;
      for (const key of new Set([...Object.keys(old), ...Object.keys(now)])) {
        if (old[key] === now[key]) continue;
        lines.push(ctx.t('events.change', { field: ctx.customLabel(key), from: formatValue(key, old[key], ctx), to: formatValue(key, now[key], ctx) }));
      }
      continue;
    }
    const label = ctx.t(`fields.${field}`, { defaultValue: field });
    lines.push(ctx.t('events.change', { field: label, from: formatValue(field, before[field], ctx), to: formatValue(field, value, ctx) }));
  }
  return lines;
}
