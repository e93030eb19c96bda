import { describe, expect, it } from 'vitest';
import { changedFields, createFields, emptyForm, formFromCard, parseAmount, toFields, validateForm } from '../src/features/card/cardForm';
import { card } from './fixtures';

describe('the card form', () => {
  it('requires a title and a customer and checks amount and currency', () => {
    const errors = validateForm({ ...emptyForm('CNY', 'sales'), amount: '-3', currency: 'yuan' }, ['title', 'customer', 'amount', 'currency']);
    expect(Object.keys(errors).sort()).toEqual(['amount', 'currency', 'customer', 'title']);
    expect(validateForm({ title: 'x'.repeat(201) }, ['title']).title?.key).toBe('validation.tooLong');
    expect(validateForm({ ...emptyForm('CNY', 's'), title: 'T', customer: 'C', amount: '1,250,000' }, ['title', 'customer', 'amount'])).toEqual({});
  });

  it('parses amounts with separators and treats an empty amount as none', () => {
    expect(parseAmount('1,250,000')).toBe(1250000);
    expect(parseAmount(' 12.5 ')).toBe(12.5);
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('12abc')).toBeNaN();
  });

  it('sends only the fields that changed, trimmed and typed', () => {
    const c = card('ERP rollout', 'lead', '0|a', { amount: 100, nextStep: 'Call' });
    const edits = { ...formFromCard(c), title: ' ERP rollout ', amount: '250', nextStep: 'Call' };
    expect(changedFields(c, toFields(edits))).toEqual({ amount: 250 });
  });

  it('creates a card with the required fields and only the optional ones filled in', () => {
    const values = { ...emptyForm('USD', 'sales'), title: ' New ', customer: 'Acme', amount: '', industry: 'Retail' };
    expect(createFields(values)).toEqual({ title: 'New', customer: 'Acme', channel: 'website', dealType: 'new', currency: 'USD', industry: 'Retail' });
  });
});
