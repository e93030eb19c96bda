import { DEFAULT_STAGES, type StageConfig } from '@baton/shared-types';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { asksInDialog, gateDetailText, judgeMove } from '../src/features/board/moveRules';
import { card } from './fixtures';

const sales = { userId: 'sales', role: 'sales' as const };
const manager = { userId: 'manager', role: 'manager' as const };
const t = ((key: string, params?: Record<string, unknown>) => `${key} ${JSON.stringify(params ?? {})}`) as unknown as TFunction;

describe('judging a move before it is sent', () => {
  it('opens the dialog for what the user can give: missing fields or files, a reason, a manager override', () => {
    const lead = card('L', 'lead', '0|a');
    const toConfirmed = judgeMove(DEFAULT_STAGES, lead, 'needs_confirmed', 0, sales);
    expect(toConfirmed.kind).toBe('missing');
    expect(asksInDialog(toConfirmed)).toBe(true);
    const quote = card('Q', 'quote', '0|a');
    expect(judgeMove(DEFAULT_STAGES, quote, 'lead', 0, sales)).toEqual({ kind: 'needsReason' });
    expect(judgeMove(DEFAULT_STAGES, quote, 'quote', 0, sales)).toEqual({ kind: 'ok' });
  });

  it('explains in the dialog what is done elsewhere (the handoff pack), and lets a manager override it there', () => {
    const negotiation = card('N', 'negotiation', '0|a');
    // Signed needs a submitted pack without red requirements: the dialog says so and links to the pack.
    expect(judgeMove(DEFAULT_STAGES, negotiation, 'signed', 0, sales)).toMatchObject({ kind: 'missing', missing: [{ requirement: { kind: 'packSubmitted' } }] });
    expect(judgeMove(DEFAULT_STAGES, negotiation, 'signed', 0, manager).kind).toBe('missing');
    const red = { createdAt: 1, submittedAt: 2, submissions: 1, reviewedAt: 3, planPostedAt: null, planVersions: 0, counts: { red: 1, yellow: 0, green: 2, unset: 0 } };
    expect(judgeMove(DEFAULT_STAGES, { ...negotiation, handoff: red }, 'signed', 0, sales).kind).toBe('missing');
    expect(judgeMove(DEFAULT_STAGES, { ...negotiation, handoff: { ...red, counts: { ...red.counts, red: 0 } } }, 'signed', 0, sales).kind).toBe('ok');
  });

  it('refuses without a dialog what nobody here can do: a full column for a rep', () => {
    const limited: StageConfig[] = DEFAULT_STAGES.map((s) => (s.id === 'lead' ? { ...s, wipLimit: 2 } : s));
    const quote = card('Q', 'quote', '0|a');
    const full = judgeMove(limited, quote, 'lead', 2, sales);
    expect(full.kind).toBe('needsReason'); // asked why first; the WIP limit shows in the same dialog
    const intoFull = judgeMove(limited.map((s) => (s.id === 'needs_confirmed' ? { ...s, wipLimit: 1, requirements: [] } : s)), card('L', 'lead', '0|b'), 'needs_confirmed', 1, sales);
    expect(intoFull).toEqual({ kind: 'wipFull', wip: { limit: 1, count: 1, canOverride: false } });
    expect(asksInDialog(intoFull)).toBe(false);
  });

  it('says "Quote is full: 5 of 5" for a server refusal that names only the numbers', () => {
    const text = gateDetailText({ wip: { limit: 5, count: 5, canOverride: false }, missing: [] }, t, 'en', (id) => (id === 'quote' ? 'Quote' : id), 'quote');
    expect(text).toBe('gate.wipFull {"stage":"Quote","count":5,"limit":5}');
  });
});
