import { describe, expect, it } from 'vitest';
import { alertKey, cardHealth, DEFAULT_SLA, normalizeSla, slaClocks, type SlaCard } from './sla';

const H = 3_600_000;
const base: SlaCard = { id: 'c1' as SlaCard['id'], stage: 'quote' as SlaCard['stage'], archived: false, lastActivityAt: 0, stageEnteredAt: 0, handoff: null };
const handoff = (over: Partial<NonNullable<SlaCard['handoff']>>): SlaCard['handoff'] => ({
  createdAt: 0,
  submittedAt: null,
  submissions: 0,
  reviewedAt: null,
  planPostedAt: null,
  planVersions: 0,
  counts: { red: 0, yellow: 0, green: 0, unset: 0 },
  ...over,
});

describe('SLA clocks', () => {
  it('runs the 72 h quote clock from the last update while the card is in Quote', () => {
    const [quote] = slaClocks({ ...base, lastActivityAt: 10 * H }, DEFAULT_SLA);
    expect(quote).toEqual({ rule: 'quoteStale', since: 10 * H, dueAt: 82 * H });
    expect(slaClocks({ ...base, stage: 'negotiation' as SlaCard['stage'] }, DEFAULT_SLA).map((c) => c.rule)).toEqual(['stuck']);
  });

  it('runs product’s 24 h clock from submission until the review, then delivery’s 48 h clock until the first plan', () => {
    const submitted = { ...base, stage: 'negotiation' as SlaCard['stage'], handoff: handoff({ submittedAt: 5 * H }) };
    expect(slaClocks(submitted, DEFAULT_SLA).find((c) => c.rule === 'reviewLate')?.dueAt).toBe(29 * H);
    const reviewed = { ...submitted, handoff: handoff({ submittedAt: 5 * H, reviewedAt: 20 * H }) };
    expect(slaClocks(reviewed, DEFAULT_SLA).map((c) => c.rule)).toEqual(['planLate', 'stuck']);
    expect(slaClocks(reviewed, DEFAULT_SLA)[0]?.dueAt).toBe(68 * H);
    const planned = { ...reviewed, handoff: handoff({ submittedAt: 5 * H, reviewedAt: 20 * H, planPostedAt: 30 * H }) };
    expect(slaClocks(planned, DEFAULT_SLA).map((c) => c.rule)).toEqual(['stuck']);
  });

  it('stops every clock for archived and signed cards', () => {
    expect(slaClocks({ ...base, archived: true }, DEFAULT_SLA)).toEqual([]);
    expect(slaClocks({ ...base, stage: 'signed' as SlaCard['stage'] }, DEFAULT_SLA)).toEqual([]);
  });

  it('names each alert by rule, card and clock start, so an update re-arms it', () => {
    const [before] = slaClocks(base, DEFAULT_SLA);
    const [after] = slaClocks({ ...base, lastActivityAt: 1 }, DEFAULT_SLA);
    expect(alertKey('c1', before!)).not.toBe(alertKey('c1', after!));
  });
});

describe('card health', () => {
  it.each<[number, string, boolean]>([
    [0, 'ok', false],
    [47 * H, 'ok', false],
    [53 * H, 'ok', true],
    [55 * H, 'dueSoon', true],
    [72 * H - 1, 'dueSoon', true],
    [72 * H, 'breached', true],
  ])('%i ms after the last update a quote card is %s (stuck: %s)', (now, state, stuck) => {
    const health = cardHealth(base, DEFAULT_SLA, now);
    expect(health.state).toBe(state);
    expect(health.stuck).toBe(stuck);
  });

  it('is stuck after exactly the configured days without stage progress', () => {
    const card = { ...base, stage: 'lead' as SlaCard['stage'] };
    expect(cardHealth(card, DEFAULT_SLA, 48 * H - 1).stuck).toBe(false);
    expect(cardHealth(card, DEFAULT_SLA, 48 * H).stuck).toBe(true);
    expect(cardHealth(card, { ...DEFAULT_SLA, stuckDays: 5 }, 48 * H).stuck).toBe(false);
  });

  it('reads settings with defaults for anything missing or malformed', () => {
    expect(normalizeSla({ quoteStaleHours: 24, reviewHours: -1, planHours: 'x' })).toEqual({ ...DEFAULT_SLA, quoteStaleHours: 24 });
    expect(normalizeSla(null)).toEqual(DEFAULT_SLA);
  });
});
