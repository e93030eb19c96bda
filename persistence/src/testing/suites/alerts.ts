import { describe, expect, it } from 'vitest';
import type { AlertRecord } from '../../Store';
import type { SuiteContext } from '../fixtures';

const alert = (key: string, over: Partial<AlertRecord> = {}): AlertRecord => ({
  key,
  boardId: 'demo',
  cardId: 'card-1',
  type: 'sla.quoteStale',
  at: 1000,
  data: { dueAt: 900 },
  webhook: 'pending',
  webhookAttempts: 0,
  ...over,
});

export function describeAlerts(ctx: SuiteContext): void {
  describe('alerts and notifications', () => {
    it('an alert is recorded once per key, with one notification per distinct recipient', async () => {
      expect(await ctx.store.recordAlert(alert('quoteStale:c1:0'), ['sales', 'manager', 'ops', 'sales'])).toBe(true);
      expect(await ctx.store.recordAlert(alert('quoteStale:c1:0', { at: 2000 }), ['sales', 'admin'])).toBe(false);
      const store = await ctx.reopen();
      expect((await store.listNotifications('sales')).map((n) => [n.alertKey, n.type, n.read, n.data])).toEqual([
        ['quoteStale:c1:0', 'sla.quoteStale', false, { dueAt: 900 }],
      ]);
      expect(await store.listNotifications('admin')).toEqual([]);
      expect(await store.countUnreadNotifications('manager')).toBe(1);
    });

    it('notifications list newest first, and can be marked read one by one or all at once, for their owner only', async () => {
      for (const k of ['a', 'b', 'c']) await ctx.store.recordAlert(alert(k), ['sales', 'ops']);
      const listed = await ctx.store.listNotifications('sales');
      expect(listed.map((n) => n.alertKey)).toEqual(['c', 'b', 'a']);
      expect(await ctx.store.markNotificationsRead('ops', [listed[0]!.id], 5)).toBe(0);
      expect(await ctx.store.markNotificationsRead('sales', [listed[0]!.id], 5)).toBe(1);
      expect((await ctx.store.listNotifications('sales', { unreadOnly: true })).map((n) => n.alertKey)).toEqual(['b', 'a']);
      expect(await ctx.store.markNotificationsRead('sales', 'all', 6)).toBe(2);
      expect(await ctx.store.countUnreadNotifications('sales')).toBe(0);
      expect(await ctx.store.countUnreadNotifications('ops')).toBe(3);
    });

    it('alerts with a pending webhook list oldest first until delivered or given up', async () => {
      await ctx.store.recordAlert(alert('late', { at: 30 }), []);
      await ctx.store.recordAlert(alert('early', { at: 10 }), []);
      await ctx.store.recordAlert(alert('no-hook', { at: 5, webhook: 'none' }), []);
      expect((await ctx.store.pendingWebhooks(10)).map((a) => a.key)).toEqual(['early', 'late']);
      await ctx.store.setWebhookState('early', 'delivered', 1);
      await ctx.store.setWebhookState('late', 'pending', 3);
      const pending = await ctx.store.pendingWebhooks(10);
      expect(pending.map((a) => [a.key, a.webhookAttempts])).toEqual([['late', 3]]);
    });
  });
}
