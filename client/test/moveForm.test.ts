import { checkMove, DEFAULT_STAGES, type StageConfig, type StageId, type UserId } from '@baton/shared-types';
import { describe, expect, it } from 'vitest';
import { fieldsFromDrafts, groupByStage, itemKey, mergeItems, withUploads } from '../src/features/move/moveForm';
import { patchCard } from '../src/sync/overlay';
import { card } from './fixtures';

const fastLane: StageConfig = {
  id: 'fast_lane' as StageId,
  label: { en: 'Fast lane', zh: '快速通道' },
  color: '#ec4899',
  requirements: [{ kind: 'field', field: 'custom.acceptsStandardSow' }],
  wipLimit: null,
  approverRole: null,
  customFields: [
    { key: 'acceptsStandardSow', label: { en: 'Accepts standard SOW', zh: '接受标准SOW' }, type: 'boolean' },
    { key: 'seats', label: { en: 'Seats', zh: '席位' }, type: 'number' },
  ],
  retired: false,
};
const stages = [...DEFAULT_STAGES.slice(0, 4), fastLane, ...DEFAULT_STAGES.slice(4)];
const actor = { userId: 'sales' as UserId, role: 'sales' as const };
const missingFor = (c: ReturnType<typeof card>, to: string) => {
  const r = checkMove(stages, c, to, { targetCount: 0, actor });
  return r.ok ? [] : ((r.error.details?.missing ?? []) as Parameters<typeof mergeItems>[1][number]);
};

describe('the move dialog form', () => {
  it('turns what was typed into the fields of the move: trimmed text, parsed numbers, ticked boxes only', () => {
    const { fields, invalid } = fieldsFromDrafts(stages, {
      decisionMaker: '  CIO Wang  ',
      amount: '1,250,000',
      contactName: '   ',
      'custom.acceptsStandardSow': true,
      'custom.seats': '40',
    });
    expect(fields).toEqual({ decisionMaker: 'CIO Wang', amount: 1250000, customFields: { acceptsStandardSow: true, seats: 40 } });
    expect(invalid).toEqual([]);
    expect(fieldsFromDrafts(stages, { 'custom.acceptsStandardSow': false }).fields).toEqual({});
    expect(fieldsFromDrafts(stages, { amount: 'lots', 'custom.seats': 'many' }).invalid).toEqual(['amount', 'custom.seats']);
  });

  it('passes the gate exactly when the typed values and uploads fill everything', () => {
    const lead = card('Lead deal', 'lead', '0|a');
    const typed = fieldsFromDrafts(stages, { contactName: 'Wang Fang', needSummary: 'Alerts' }).fields;
    expect(checkMove(stages, patchCard(lead, typed), 'needs_confirmed', { targetCount: 0, actor }).ok).toBe(true);
    const upload = { id: crypto.randomUUID(), kind: 'pain_points', name: 'p.txt', contentType: 'text/plain', size: 3, uploadedBy: 'sales', at: 1 };
    const confirmed = card('Confirmed', 'needs_confirmed', '0|b');
    expect(withUploads(confirmed, [upload]).attachments).toHaveLength(1);
    expect(withUploads({ ...confirmed, attachments: [upload] }, [upload]).attachments).toHaveLength(1);
    expect(missingFor(withUploads(confirmed, [upload]), 'solution_demo').map((m) => m.label.en)).toEqual(['Competitor comparison']);
  });

  it('lists the items of a multi-stage jump once each, in pipeline order, grouped by stage', () => {
    const lead = card('Jump', 'lead', '0|a');
    const now = missingFor(lead, 'quote');
    const merged = mergeItems(stages, [now.slice(2), now, now.slice(0, 1)]);
    expect(merged.map(itemKey)).toEqual(now.map(itemKey));
    expect(groupByStage(merged).map((g) => [g.stageId, g.items.length])).toEqual([
      ['needs_confirmed', 2],
      ['solution_demo', 2],
      ['quote', 1],
    ]);
  });
});
