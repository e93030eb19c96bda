import type { Card, CardPatch, Channel, DealType, EditableField } from '@baton/shared-types';

/** Form values are strings (as inputs hold them); `amount` is parsed on submit. */
/** Editable fields with a plain input (stage custom fields are edited separately). */
export type FormField = Exclude<EditableField, 'customFields'>;
export type CardFormValues = { [K in FormField]: string };
export type FormErrors = Partial<Record<FormField, { key: string; params?: Record<string, unknown> }>>;

export const MAX_LENGTH: Partial<Record<FormField, number>> = {
  title: 200,
  customer: 200,
  contactName: 200,
  needSummary: 4000,
  decisionMaker: 200,
  region: 100,
  industry: 100,
  nextStep: 500,
};

export const CURRENCIES = ['CNY', 'USD', 'EUR', 'GBP', 'JPY', 'HKD', 'SGD'] as const;

export function emptyForm(currency: string, ownerId: string): CardFormValues {
  return {
    title: '',
    customer: '',
    contactName: '',
    needSummary: '',
    decisionMaker: '',
    ownerId,
    channel: 'website',
    region: '',
    industry: '',
    dealType: 'new',
    amount: '',
    currency,
    nextStep: '',
  };
}

export function formFromCard(card: Card): CardFormValues {
  const out = {} as CardFormValues;
  for (const key of Object.keys(emptyForm('', '')) as FormField[]) {
    const value = card[key];
    out[key] = value === null || value === undefined ? '' : String(value);
  }
  return out;
}

/** Parses "1,250,000" or "1250000.5"; null for empty; NaN for garbage. */
export function parseAmount(text: string): number | null {
  const cleaned = text.replace(/[\s,，_]/g, '');
  if (cleaned === '') return null;
  return /^\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/** Validation with message keys (localised by the caller). Only `fields` are checked. */
export function validateForm(values: Partial<CardFormValues>, fields: readonly FormField[]): FormErrors {
  const errors: FormErrors = {};
  for (const field of fields) {
    const value = values[field] ?? '';
    if ((field === 'title' || field === 'customer') && value.trim() === '') {
      errors[field] = { key: 'validation.required' };
      continue;
    }
    const max = MAX_LENGTH[field];
    if (max !== undefined && value.trim().length > max) errors[field] = { key: 'validation.tooLong', params: { max } };
    if (field === 'amount') {
      const amount = parseAmount(value);
      if (amount !== null && (!Number.isFinite(amount) || amount < 0 || amount > 1e12)) errors[field] = { key: 'validation.amount' };
    }
    if (field === 'currency' && !/^[A-Z]{3}$/.test(value)) errors[field] = { key: 'validation.currency' };
  }
  return errors;
}

/** Converts form strings into typed card fields (trimmed, amount parsed). */
export function toFields(values: Partial<CardFormValues>): CardPatch {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(values) as Array<[FormField, string | undefined]>) {
    if (raw === undefined) continue;
    if (key === 'amount') out.amount = parseAmount(raw);
    else if (key === 'channel') out.channel = raw as Channel;
    else if (key === 'dealType') out.dealType = raw as DealType;
    else out[key] = raw.trim();
  }
  return out as CardPatch;
}

/** Only the fields whose value differs from the card: what `updateCard` should carry. */
export function changedFields(card: Card, patch: CardPatch): CardPatch {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    const current = card[key as keyof Card];
    if ((current ?? null) !== (value ?? null)) out[key] = value;
  }
  return out as CardPatch;
}

/** Fields a new card carries: required ones plus every optional one the user filled in. */
export function createFields(values: CardFormValues): CardPatch & { title: string; customer: string } {
  const typed = toFields(values);
  const out: Record<string, unknown> = { title: typed.title ?? '', customer: typed.customer ?? '' };
  for (const [key, value] of Object.entries(typed)) {
    if (key === 'title' || key === 'customer' || key === 'ownerId') continue;
    if (value === '' || value === null || value === undefined) continue;
    out[key] = value;
  }
  return out as CardPatch & { title: string; customer: string };
}
