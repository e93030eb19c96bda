import { describe, expect, it } from 'vitest';
import type { AttachmentRef } from '../model/attachments';
import { asUserId } from '../model/ids';
import type { Role } from '../model/roles';
import { DEFAULT_STAGES, type StageConfig } from '../model/stages';
import { checkMove, missingForStage, openForNextStage, type GateCard } from './gates';

const actor = (role: Role = 'sales') => ({ role, userId: asUserId('me') });
const file = (kind: string): AttachmentRef => ({ id: '00000000-0000-4000-8000-000000000000', kind, name: `${kind}.pdf`, contentType: 'application/pdf', size: 1, uploadedBy: 'me', at: 0 });
const handoff = (over: Partial<NonNullable<GateCard['handoff']>> = {}): NonNullable<GateCard['handoff']> => ({
  createdAt: 1,
  submittedAt: null,
  submissions: 0,
  reviewedAt: null,
  planPostedAt: null,
  planVersions: 0,
  counts: { red: 0, yellow: 0, green: 0, unset: 0 },
  ...over,
});
const card = (stage: string, over: Partial<GateCard> = {}): GateCard => ({
  stage: stage as GateCard['stage'],
  attachments: [],
  customFields: {},
  contactName: '',
  needSummary: '',
  decisionMaker: '',
  amount: null,
  ...over,
});
const move = (c: GateCard, to: string, extra: { reason?: string; targetCount?: number; overrideWip?: boolean; role?: Role } = {}, stages: readonly StageConfig[] = DEFAULT_STAGES) =>
  checkMove(stages, c, to, { targetCount: extra.targetCount ?? 0, reason: extra.reason, overrideWip: extra.overrideWip, actor: actor(extra.role) });
const missingOf = (r: ReturnType<typeof move>) => (r.ok ? [] : ((r.error.details?.missing as Array<{ label: { en: string } }>) ?? []).map((m) => m.label.en));

describe('default stage gates', () => {
  it.each<[string, string, Partial<GateCard>, string[]]>([
    ['lead', 'needs_confirmed', {}, ['Contact name', 'Customer needs']],
    ['lead', 'needs_confirmed', { contactName: 'Wang Fang' }, ['Customer needs']],
    ['lead', 'needs_confirmed', { contactName: 'Wang Fang', needSummary: 'QR login' }, []],
    ['needs_confirmed', 'solution_demo', {}, ['Customer pain-point list', 'Competitor comparison']],
    ['needs_confirmed', 'solution_demo', { attachments: [file('pain_points')] }, ['Competitor comparison']],
    ['needs_confirmed', 'solution_demo', { attachments: [file('pain_points'), file('competitor_comparison')] }, []],
    ['solution_demo', 'quote', {}, ['Amount']],
    ['solution_demo', 'quote', { amount: 0 }, ['Amount']],
    ['solution_demo', 'quote', { amount: 1200 }, []],
    ['quote', 'negotiation', {}, ['Decision maker']],
    ['quote', 'negotiation', { decisionMaker: '  ' }, ['Decision maker']],
    ['quote', 'negotiation', { decisionMaker: 'CFO Lee' }, []],
    ['negotiation', 'signed', {}, ['Handoff pack submitted, no red requirement']],
    ['negotiation', 'signed', { handoff: handoff({ submittedAt: 5, counts: { red: 1, yellow: 0, green: 2, unset: 0 } }) }, ['Handoff pack submitted, no red requirement']],
    ['negotiation', 'signed', { handoff: handoff({ submittedAt: 5, counts: { red: 0, yellow: 1, green: 2, unset: 1 } }) }, []],
    ['negotiation', 'signed', { handoff: handoff({ submittedAt: null }) }, ['Handoff pack submitted, no red requirement']],
  ])('moving from %s to %s with %o lacks %j', (from, to, fields, missing) => {
    expect(missingOf(move(card(from, fields), to))).toEqual(missing);
    expect(move(card(from, fields), to).ok).toBe(missing.length === 0);
  });
});

describe('multi-stage jumps', () => {
  it('must satisfy the gate of every stage passed, listing all that is missing', () => {
    const r = move(card('lead', { contactName: 'A' }), 'quote');
    expect(missingOf(r)).toEqual(['Customer needs', 'Customer pain-point list', 'Competitor comparison', 'Amount']);
    expect(!r.ok && r.error.reason).toBe('gate_failed');
  });
  it('passes when everything on the way is there', () => {
    const full = card('lead', { contactName: 'A', needSummary: 'B', attachments: [file('pain_points'), file('competitor_comparison')], amount: 5 });
    expect(move(full, 'quote').ok).toBe(true);
  });
});

describe('backward moves', () => {
  it('need a reason', () => {
    const r = move(card('quote'), 'solution_demo');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.details?.needsReason).toBe(true);
  });
  it('are refused with a blank reason', () => {
    expect(move(card('quote'), 'lead', { reason: '   ' }).ok).toBe(false);
  });
  it('pass with a reason and ignore entry gates', () => {
    expect(move(card('quote'), 'needs_confirmed', { reason: 'Customer changed scope' }).ok).toBe(true);
  });
  it('reordering within a column needs nothing', () => {
    expect(move(card('quote'), 'quote').ok).toBe(true);
  });
});

describe('WIP limits', () => {
  const limited = DEFAULT_STAGES.map((s) => (s.id === 'quote' ? { ...s, wipLimit: 2 } : s));
  const ready = card('solution_demo', { amount: 10 });
  it('refuse a move into a full column', () => {
    const r = move(ready, 'quote', { targetCount: 2 }, limited);
    expect(!r.ok && r.error.message).toMatch(/full \(2 of 2/);
  });
  it('allow a move while there is room', () => {
    expect(move(ready, 'quote', { targetCount: 1 }, limited).ok).toBe(true);
  });
  it('let a manager override with a reason', () => {
    expect(move(ready, 'quote', { targetCount: 2, overrideWip: true, reason: 'Quarter end push', role: 'manager' }, limited).ok).toBe(true);
  });
  it('do not let a manager override without a reason, nor a rep at all', () => {
    expect(move(ready, 'quote', { targetCount: 2, overrideWip: true, role: 'manager' }, limited).ok).toBe(false);
    expect(move(ready, 'quote', { targetCount: 2, overrideWip: true, reason: 'please', role: 'sales' }, limited).ok).toBe(false);
  });
});

describe('a red requirement left in the handoff pack', () => {
  const red = card('negotiation', { handoff: handoff({ submittedAt: 5, counts: { red: 1, yellow: 0, green: 0, unset: 0 } }) });
  it('can be overridden by a manager with a reason, and says so', () => {
    const refused = move(red, 'signed', { role: 'manager' });
    expect(!refused.ok && refused.error.details?.canOverride).toBe(true);
    expect(checkMove(DEFAULT_STAGES, red, 'signed', { targetCount: 0, overrideGate: true, reason: 'Customer accepts the risk in writing', actor: actor('manager') }).ok).toBe(true);
  });
  it('cannot be overridden without a reason, or by a rep', () => {
    expect(checkMove(DEFAULT_STAGES, red, 'signed', { targetCount: 0, overrideGate: true, actor: actor('manager') }).ok).toBe(false);
    expect(checkMove(DEFAULT_STAGES, red, 'signed', { targetCount: 0, overrideGate: true, reason: 'please', actor: actor('sales') }).ok).toBe(false);
  });
  it('does not let the override skip other requirements', () => {
    const noDecider = card('quote', { handoff: red.handoff });
    const r = checkMove(DEFAULT_STAGES, noDecider, 'signed', { targetCount: 0, overrideGate: true, reason: 'x', actor: actor('manager') });
    expect(missingOf(r)).toEqual(['Decision maker']);
  });
});

describe('stages added by ops', () => {
  const fastLane: StageConfig = {
    id: 'fast_lane' as StageConfig['id'],
    label: { en: 'Fast lane', zh: '快速通道' },
    color: '#000',
    requirements: [{ kind: 'field', field: 'custom.acceptsStandardSow' }],
    wipLimit: null,
    approverRole: 'manager',
    customFields: [{ key: 'acceptsStandardSow', label: { en: 'Accepts standard SOW', zh: '接受标准SOW' }, type: 'boolean' }],
    retired: false,
  };
  const stages = [...DEFAULT_STAGES.slice(0, 4), fastLane, ...DEFAULT_STAGES.slice(4)];
  it('gate on their own custom fields, named by their labels', () => {
    expect(missingOf(move(card('quote'), 'fast_lane', {}, stages))).toEqual(['Accepts standard SOW']);
    expect(move(card('quote', { customFields: { acceptsStandardSow: true } }), 'fast_lane', {}, stages).ok).toBe(true);
  });
  it('are skipped when retired, and cannot be moved into', () => {
    const retired = stages.map((s) => (s.id === 'fast_lane' ? { ...s, retired: true } : s));
    expect(move(card('quote', { decisionMaker: 'X' }), 'negotiation', {}, retired).ok).toBe(true);
    expect(!move(card('quote'), 'fast_lane', {}, retired).ok).toBe(true);
  });
  it('treat a requirement kind this build does not know as not met', () => {
    const odd = DEFAULT_STAGES.map((s) => (s.id === 'signed' ? { ...s, requirements: [{ kind: 'hologram' } as never] } : s));
    expect(missingOf(move(card('negotiation'), 'signed', {}, odd))).toEqual(['Unknown requirement (hologram)']);
  });
});

describe('what a card still needs for its next stage', () => {
  it('lists the open requirements of the next column', () => {
    expect(openForNextStage(DEFAULT_STAGES, card('lead', { contactName: 'A' })).map((m) => m.label.en)).toEqual(['Customer needs']);
    expect(openForNextStage(DEFAULT_STAGES, card('signed'))).toEqual([]);
  });
  it('uses the stage the requirement belongs to', () => {
    expect(missingForStage(DEFAULT_STAGES[3]!, card('solution_demo'))[0]?.stageId).toBe('quote');
  });
});
