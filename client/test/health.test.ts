import { DEFAULT_SLA, cardHealth, type Card } from '@baton/shared-types';
import { describe, expect, it } from 'vitest';
import { filterColumns, isHealthFilter, spanParts } from '../src/features/health/health';
import { healthChip, healthSpoken, stuckTitle } from '../src/features/health/healthText';
import { card } from './fixtures';
import { slaT } from './slaI18n';

const H = 3_600_000;
const D = 24 * H;
const NOW = 100 * D;

function board(cards: Card[]) {
  const columns = new Map<string, Card[]>();
  for (const c of cards) columns.set(c.stage, [...(columns.get(c.stage) ?? []), c]);
  return columns;
}

const fresh = card('Fresh lead', 'lead', 'a', { stageEnteredAt: NOW - H, lastActivityAt: NOW - H });
const stuckLead = card('Old lead', 'lead', 'b', { stageEnteredAt: NOW - 3 * D, lastActivityAt: NOW - H });
const idleQuote = card('Idle quote', 'quote', 'a', { stageEnteredAt: NOW - 4 * D, lastActivityAt: NOW - 80 * H });
const warmQuote = card('Warm quote', 'quote', 'b', { stageEnteredAt: NOW - D, lastActivityAt: NOW - 60 * H });

describe('the board’s health filter', () => {
  const columns = board([fresh, stuckLead, idleQuote, warmQuote]);

  it('shows every deal for "all" (the same columns object) and counts each filter', () => {
    const result = filterColumns(columns, 'all', DEFAULT_SLA, NOW);
    expect(result.columns).toBe(columns);
    expect(result.counts).toEqual({ all: 4, stuck: 2, breached: 1 });
  });

  it('keeps only stuck deals, or only breached ones, in board order', () => {
    const stuck = filterColumns(columns, 'stuck', DEFAULT_SLA, NOW).columns;
    expect(stuck.get('lead')?.map((c) => c.title)).toEqual(['Old lead']);
    expect(stuck.get('quote')?.map((c) => c.title)).toEqual(['Idle quote']);
    const breached = filterColumns(columns, 'breached', DEFAULT_SLA, NOW).columns;
    expect(breached.get('lead')).toEqual([]);
    expect(breached.get('quote')?.map((c) => c.title)).toEqual(['Idle quote']);
  });

  it('follows the board’s thresholds', () => {
    expect(filterColumns(columns, 'stuck', { ...DEFAULT_SLA, stuckDays: 5 }, NOW).counts.stuck).toBe(0);
  });

  it('accepts only known filters from storage', () => {
    expect(isHealthFilter('stuck')).toBe(true);
    expect(isHealthFilter('everything')).toBe(false);
    expect(isHealthFilter(null)).toBe(false);
  });
});

describe('health in words on a card', () => {
  it('says how long a quote has been idle, red when past 72 h and amber in the last quarter', async () => {
    const t = await slaT();
    const breached = healthChip(cardHealth(idleQuote, DEFAULT_SLA, NOW), NOW, t);
    expect(breached).toMatchObject({ tone: 'breached', rule: 'quoteStale', label: 'Quote idle 80 h' });
    expect(breached?.title).toContain('past the 72 h limit');
    expect(healthChip(cardHealth(warmQuote, DEFAULT_SLA, NOW), NOW, t)).toMatchObject({ tone: 'dueSoon', label: 'Quote idle 60 h' });
    expect(healthChip(cardHealth(fresh, DEFAULT_SLA, NOW), NOW, t)).toBeNull();
  });

  it('names late reviews and plans by how late they are, or when they are due', async () => {
    const t = await slaT();
    const handoff = { createdAt: 0, submittedAt: NOW - 30 * H, submissions: 1, reviewedAt: null, planPostedAt: null, planVersions: 0, counts: { red: 0, yellow: 0, green: 0, unset: 1 } };
    const late = card('Late review', 'negotiation', 'a', { stageEnteredAt: NOW - H, handoff });
    expect(healthChip(cardHealth(late, DEFAULT_SLA, NOW), NOW, t)?.label).toBe('Review 6 h late');
    const due = card('Due plan', 'negotiation', 'b', { stageEnteredAt: NOW - H, handoff: { ...handoff, reviewedAt: NOW - 40 * H } });
    expect(healthChip(cardHealth(due, DEFAULT_SLA, NOW), NOW, t)?.label).toBe('Plan due in 8 h');
  });

  it('speaks long spans in days, and tells screen readers what the chips show (in Chinese too)', async () => {
    expect(spanParts(99 * H)).toEqual({ unit: 'hours', count: 99 });
    expect(spanParts(130 * H)).toEqual({ unit: 'days', count: 5 });
    const t = await slaT();
    const health = cardHealth(idleQuote, DEFAULT_SLA, NOW);
    expect(healthSpoken(health, healthChip(health, NOW, t), t)).toBe(', Stuck, Quote idle 80 h');
    expect(stuckTitle(health, DEFAULT_SLA, t)).toBe('No stage progress for 4 days (a deal is stuck after 2 days).');
    const zh = await slaT('zh');
    expect(healthChip(health, NOW, zh)?.label).toBe('报价 80 小时未更新');
  });
});
