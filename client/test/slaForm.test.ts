import { DEFAULT_SLA } from '@baton/shared-types';
import { describe, expect, it } from 'vitest';
import { draftOf, parseDraft } from '../src/features/settings/slaForm';

describe('the SLA settings form', () => {
  it('shows the thresholds, the due-soon share as a percentage', () => {
    expect(draftOf(DEFAULT_SLA)).toEqual({ quoteStaleHours: '72', reviewHours: '24', planHours: '48', stuckDays: '2', dueSoonShare: '25' });
  });

  it('sends only what changed', () => {
    const draft = { ...draftOf(DEFAULT_SLA), quoteStaleHours: '48', dueSoonShare: '10' };
    expect(parseDraft(draft, DEFAULT_SLA)).toEqual({ changes: { quoteStaleHours: 48, dueSoonShare: 0.1 }, errors: {} });
    expect(parseDraft(draftOf(DEFAULT_SLA), DEFAULT_SLA).changes).toEqual({});
  });

  it('accepts a decimal comma and refuses empty, zero, negative or out-of-range values', () => {
    expect(parseDraft({ ...draftOf(DEFAULT_SLA), stuckDays: '1,5' }, DEFAULT_SLA).changes).toEqual({ stuckDays: 1.5 });
    const bad = parseDraft({ quoteStaleHours: '', reviewHours: '0', planHours: '-3', stuckDays: 'soon', dueSoonShare: '100' }, DEFAULT_SLA);
    expect(bad.errors).toEqual({ quoteStaleHours: 'invalid', reviewHours: 'invalid', planHours: 'invalid', stuckDays: 'invalid', dueSoonShare: 'invalidShare' });
  });
});
