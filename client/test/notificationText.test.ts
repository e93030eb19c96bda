import type { NotificationMessage } from '@baton/shared-types';
import { describe, expect, it } from 'vitest';
import { notificationText, relativeTime } from '../src/features/notifications/notificationText';
import { slaT } from './slaI18n';

const H = 3_600_000;
const ctx = { stageLabel: (id: string) => ({ quote: 'Quote', lead: 'Lead' })[id] ?? id, memberName: (id: string) => ({ sales: 'Li Wei' })[id] ?? id, myId: 'manager' };

function alert(rule: string, since: number, dueAt: number, extra: Record<string, unknown> = {}): NotificationMessage {
  return { id: 1, type: `sla.${rule}`, boardId: 'demo', cardId: 'c1', at: dueAt, read: false, data: { rule, since, dueAt, title: 'Fraud monitoring', customer: 'Silk Road Payments', stage: 'quote', ownerId: 'sales', ...extra } };
}

describe('alerts in words', () => {
  it('says what happened to which deal, with the board’s limit', async () => {
    const t = await slaT();
    expect(notificationText(alert('quoteStale', 0, 72 * H), t, ctx)).toEqual({
      title: 'Quote for ‘Fraud monitoring’ has had no update for 72 h',
      detail: 'Silk Road Payments · Quote · Owner: Li Wei',
    });
    expect(notificationText(alert('reviewLate', 0, 24 * H), t, ctx).title).toBe('Product has not reviewed the handoff pack for ‘Fraud monitoring’ within 24 h');
    expect(notificationText(alert('planLate', 0, 48 * H), t, ctx).title).toBe('Delivery has not posted a plan for ‘Fraud monitoring’ within 48 h');
    expect(notificationText(alert('stuck', 0, 48 * H, { stage: 'lead' }), t, ctx).title).toBe('‘Fraud monitoring’ has made no stage progress for 2 days');
  });

  it('does not name the reader as the owner, and copes with an unknown rule or missing data', async () => {
    const t = await slaT();
    expect(notificationText(alert('stuck', 0, 48 * H), t, { ...ctx, myId: 'sales' }).detail).toBe('Silk Road Payments · Quote');
    const odd: NotificationMessage = { id: 2, type: 'sla.somethingNew', boardId: 'demo', cardId: null, at: 0, read: false, data: {} };
    expect(notificationText(odd, t, ctx)).toEqual({ title: 'Alert about ‘Untitled deal’', detail: '' });
  });

  it('reads in Chinese', async () => {
    const t = await slaT('zh');
    expect(notificationText(alert('quoteStale', 0, 72 * H), t, ctx).title).toBe('「Fraud monitoring」的报价已 72 小时没有更新');
    expect(notificationText(alert('stuck', 0, 72 * H), t, ctx).title).toBe('「Fraud monitoring」已 3 天没有阶段进展');
  });

  it('tells the time relative to the server’s now', async () => {
    const t = await slaT();
    expect(relativeTime(1000, 20_000, 'en-US', t)).toBe('just now');
    expect(relativeTime(0, 5 * 60_000, 'en-US', t)).toBe('5 minutes ago');
    expect(relativeTime(0, 3 * H, 'en-US', t)).toBe('3 hours ago');
    expect(relativeTime(0, 26 * H, 'en-US', t)).toBe('yesterday');
    expect(relativeTime(0, 2 * H, 'zh-CN', t)).toBe('2小时前');
    expect(relativeTime(5000, 0, 'en-US', t)).toBe('just now'); // a clock a little behind is not "in the future"
  });
});
