import { DEFAULT_STAGES } from '@baton/shared-types';
import { describe, expect, it } from 'vitest';
import { changedSettings, draftFromStage, emptyDraft, fieldKeyOf, settingsOf, slugify, validateDraft } from '../src/features/stages/stageDraft';

const stages = [...DEFAULT_STAGES];

describe('the stage editor draft', () => {
  it('derives the stage id and field keys from the English labels', () => {
    expect(slugify('Fast lane')).toBe('fast_lane');
    expect(slugify('  Pilot / PoC (2026) ')).toBe('pilot_poc_2026');
    expect(slugify('2nd review')).toBe('s_2nd_review');
    expect(slugify('快速通道')).toBe('');
    expect(fieldKeyOf('Accepts standard SOW')).toBe('acceptsStandardSow');
    expect(fieldKeyOf('3 quotes sent')).toBe('f3QuotesSent');
  });

  it('refuses what the server would: taken or malformed ids, empty labels, bad limits, duplicate field keys', () => {
    const draft = { ...emptyDraft(stages, 'quote'), id: 'quote', en: '', zh: '报价2', wipLimit: '0' };
    expect(validateDraft(draft, stages, null)).toMatchObject({ id: 'idTaken', en: 'labelRequired', wipLimit: 'wip' });
    expect(validateDraft({ ...draft, id: 'Quote 2' }, stages, null).id).toBe('idFormat');
    const field = { uid: 'a', key: 'sow', keyEdited: true, en: 'SOW', zh: 'SOW', type: 'boolean' as const };
    const twice = { ...emptyDraft(stages, 'quote'), id: 'fast', en: 'Fast', zh: '快', customFields: [field, { ...field, uid: 'b' }] };
    expect(validateDraft(twice, stages, null)).toEqual({ 'field:b': 'fieldKeyTaken' });
    expect(validateDraft({ ...twice, customFields: [field] }, stages, null)).toEqual({});
  });

  it('sends only what changed, and drops requirements on custom fields that were removed', () => {
    const quote = stages[3]!;
    const draft = { ...draftFromStage(quote), wipLimit: '5' };
    expect(changedSettings(quote, settingsOf(draft))).toEqual({ wipLimit: 5 });
    const withField = {
      ...draft,
      requirements: [...draft.requirements, { kind: 'field' as const, field: 'custom.gone' }],
      customFields: [],
    };
    expect(settingsOf(withField).requirements).toEqual(quote.requirements);
  });
});
