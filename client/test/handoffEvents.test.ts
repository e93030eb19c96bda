import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEvent } from '../src/features/card/describeEvent';
import { formatDuration } from '../src/features/card/duration';
import { historyContext } from '../src/features/card/eventValues';
import { handoffSteps, latestStep } from '../src/features/pack/handoffSteps';
import { handoffRefusal } from '../src/features/pack/refusalText';
import { en } from '../src/i18n/en';
import { zh } from '../src/i18n/zh';

let t: TFunction;
let tz: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, zh: { translation: zh } }, lng: 'en', interpolation: { escapeValue: false } });
  t = i18n.getFixedT('en');
  tz = i18n.getFixedT('zh');
});

const ctx = () => historyContext({ t, language: 'en', locale: 'en-US', stages: [], memberName: (id) => id });
const event = (type: string, data: Record<string, unknown>) => ({ id: 1, type, actor: 'product', at: 0, data });
const H = 3600_000;

describe('handoff events in words', () => {
  it('says how long product and delivery took', () => {
    expect(formatDuration(45 * 60_000, t)).toBe('45 min');
    expect(formatDuration(3 * H + 5 * 60_000, t)).toBe('3 h 5 min');
    expect(formatDuration(3 * H, t)).toBe('3 h');
    expect(formatDuration(52 * H, t)).toBe('2 d 4 h');
    expect(formatDuration(47.9 * H, t)).toBe('2 d');
    expect(formatDuration(26 * H, tz)).toBe('1 天 2 小时');
  });

  it('names the requirement, the colour change and the note of a traffic light', () => {
    const d = describeEvent(event('requirement.colored', { reqId: 'r', from: 'yellow', to: 'red', note: 'No SSO vendor', text: 'SSO with WeChat' }), ctx());
    expect(d).toMatchObject({ kind: 'light', light: 'red', text: 'changed a requirement from yellow to red' });
    expect(d.details).toEqual(['“SSO with WeChat”', 'Note: No SSO vendor']);
    expect(describeEvent(event('requirement.colored', { reqId: 'r', from: null, to: 'green', note: '', text: '' }), ctx()).text).toBe('marked a requirement green');
  });

  it('tells submissions, reviews and plan versions apart', () => {
    expect(describeEvent(event('pack.submitted', { submission: 1, requirements: 3 }), ctx()).text).toBe('submitted the handoff pack for review (3 requirements)');
    expect(describeEvent(event('pack.submitted', { submission: 2, requirements: 3 }), ctx()).text).toBe('submitted the handoff pack again (submission 2)');
    const reviewed = describeEvent(event('pack.reviewed', { responseMs: 5 * H, counts: { red: 1, yellow: 0, green: 2, unset: 0 } }), ctx());
    expect(reviewed.text).toBe('finished rating every requirement, 5 h after it was submitted');
    expect(reviewed.details).toEqual(['1 red · 0 yellow · 2 green']);
    expect(describeEvent(event('plan.posted', { version: 1, first: true, responseMs: 30 * H }), ctx())).toMatchObject({
      kind: 'plan',
      text: 'posted the first implementation plan',
      details: ['1 d 6 h after product’s review'],
    });
    expect(describeEvent(event('plan.posted', { version: 3, first: false }), ctx()).text).toBe('posted version 3 of the implementation plan');
  });
});

describe('where a handoff stands', () => {
  const base = { createdAt: 1, submittedAt: null, submissions: 0, reviewedAt: null, planPostedAt: null, planVersions: 0, counts: { red: 0, yellow: 0, green: 0, unset: 1 } };

  it('waits on the first step not done, with product’s and delivery’s response times', () => {
    expect(handoffSteps(base).map((s) => [s.key, s.current])).toEqual([
      ['created', false],
      ['submitted', true],
      ['reviewed', false],
      ['planPosted', false],
    ]);
    const done = handoffSteps({ ...base, submittedAt: 10, submissions: 2, reviewedAt: 10 + 3 * H, planPostedAt: 10 + 8 * H, planVersions: 2 });
    expect(done.map((s) => s.afterMs)).toEqual([null, null, 3 * H, 5 * H]);
    expect(done.every((s) => !s.current)).toBe(true);
    expect(latestStep({ ...base, submittedAt: 10, submissions: 1 }).key).toBe('submitted');
  });

  it('a resubmission waits for product again', () => {
    const steps = handoffSteps({ ...base, submittedAt: 50, submissions: 2, reviewedAt: null, planPostedAt: 40, planVersions: 1 });
    expect(steps.find((s) => s.current)?.key).toBe('reviewed');
  });
});

describe('refusals of handoff commands in the UI language', () => {
  it('names the plan sections still missing', () => {
    const refused = { state: 'refused' as const, what: 'post', reason: 'conflict' as const, message: 'A plan needs…', details: { missingSections: ['modules', 'schedule'] } };
    expect(handoffRefusal('postPlan', refused, t)).toBe('Not posted: Modules, Schedule still need real content.');
    expect(handoffRefusal('postPlan', refused, tz)).toBe('未发布：模块、排期还需要实际内容。');
  });

  it('turns the server’s English reasons into the user’s words', () => {
    const refused = (reason: 'forbidden' | 'conflict', message: string) => ({ state: 'refused' as const, what: 'x', reason, message });
    expect(handoffRefusal('submitPack', refused('conflict', 'Add at least one requirement to the pack before submitting it'), t)).toBe(
      'Not submitted: Add at least one requirement before submitting.',
    );
    expect(handoffRefusal('postPlan', refused('forbidden', 'Only delivery posts implementation plans'), tz)).toBe('未发布：只有交付可以发布方案。');
  });
});
