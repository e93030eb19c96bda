import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../Store';
import type { SuiteContext } from '../fixtures';
import { event } from '../fixtures';

export function describeEvents(ctx: SuiteContext): void {
  describe('events', () => {
    it('events read back oldest first with increasing ids, one board at a time', async () => {
      const mine = [event({ type: 't1', at: 1 }), event({ type: 't2', at: 2, cardId: null })];
      await ctx.store.appendEvents([mine[0] as EventRecord, event({ boardId: 'other', type: 'x' })]);
      await ctx.store.appendEvents([mine[1] as EventRecord]);
      const stored = await ctx.store.listEvents({ boardId: 'demo' });
      expect(stored.map(({ id: _id, ...rest }) => rest)).toEqual(mine);
      const [a, b] = stored;
      expect(a && b && a.id < b.id).toBe(true);
      expect((await ctx.store.listEvents({ boardId: 'other' })).map((e) => e.type)).toEqual(['x']);
      expect(await ctx.store.listEvents({ boardId: 'empty' })).toEqual([]);
    });

    it('events can be read per card, newest first, after an id', async () => {
      await ctx.store.appendEvents([
        event({ cardId: 'c1', type: 'e1' }),
        event({ cardId: 'c2', type: 'e2' }),
        event({ cardId: 'c1', type: 'e3' }),
        event({ cardId: null, type: 'e4' }),
        event({ cardId: 'c1', type: 'e5' }),
      ]);
      const all = await ctx.store.listEvents({ boardId: 'demo', cardId: 'c1' });
      expect(all.map((e) => e.type)).toEqual(['e1', 'e3', 'e5']);
      const firstId = all[0]?.id ?? Number.NaN;
      const newest = await ctx.store.listEvents({ boardId: 'demo', cardId: 'c1', afterId: firstId, newestFirst: true });
      expect(newest.map((e) => e.type)).toEqual(['e5', 'e3']);
      const latest = await ctx.store.listEvents({ boardId: 'demo', newestFirst: true, limit: 2 });
      expect(latest.map((e) => e.type)).toEqual(['e5', 'e4']);
    });

    it('events can be filtered by type, and an empty type list matches none', async () => {
      await ctx.store.appendEvents([
        event({ type: 'card.moved' }),
        event({ type: 'card.created' }),
        event({ type: 'card.updated' }),
        event({ type: 'card.moved', cardId: 'c9' }),
      ]);
      const moves = await ctx.store.listEvents({ boardId: 'demo', types: ['card.moved', 'card.created'] });
      expect(moves.map((e) => e.type)).toEqual(['card.moved', 'card.created', 'card.moved']);
      const cardMoves = await ctx.store.listEvents({ boardId: 'demo', types: ['card.moved'], cardId: 'c9' });
      expect(cardMoves.map((e) => e.cardId)).toEqual(['c9']);
      expect(await ctx.store.listEvents({ boardId: 'demo', types: [] })).toEqual([]);
    });

    it('listEvents returns 1000 events by default and never more than 10000', async () => {
      const many = Array.from({ length: 10_050 }, (_, i) => event({ type: 'bulk', at: i, data: { i } }));
      await ctx.store.appendEvents(many);
      const byDefault = await ctx.store.listEvents({ boardId: 'demo' });
      expect(byDefault).toHaveLength(1000);
      expect(byDefault[999]?.data).toEqual({ i: 999 });
      expect(await ctx.store.listEvents({ boardId: 'demo', limit: 50_000 })).toHaveLength(10_000);
      const newest = await ctx.store.listEvents({ boardId: 'demo', limit: 3, newestFirst: true });
      expect(newest.map((e) => e.data)).toEqual([{ i: 10_049 }, { i: 10_048 }, { i: 10_047 }]);
    });

    it('events survive a reopen and later ids are higher', async () => {
      await ctx.store.appendEvents([event({ type: 'before' })]);
      const store = await ctx.reopen();
      await store.appendEvents([event({ type: 'after' })]);
      const stored = await store.listEvents({ boardId: 'demo' });
      expect(stored.map((e) => e.type)).toEqual(['before', 'after']);
      expect((stored[1]?.id ?? 0) > (stored[0]?.id ?? 0)).toBe(true);
    });
  });
}
