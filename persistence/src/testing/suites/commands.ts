import { describe, expect, it } from 'vitest';
import type { SuiteContext } from '../fixtures';
import { command, event, rejection } from '../fixtures';

export function describeCommands(ctx: SuiteContext): void {
  describe('commands', () => {
    it('a command id is recorded once and a replay returns the first answer', async () => {
      const first = command('cmd-1');
      expect(await ctx.store.commitCommand(first, [event({ type: 'card.updated' })])).toEqual({ status: 'committed', seq: 1 });
      const replay = rejection('cmd-1', { actor: 'mallory' });
      const again = await ctx.store.commitCommand(replay, [event({ type: 'card.replayed' })]);
      expect(again).toEqual({ status: 'duplicate', existing: { ...first, seq: 1 } });
      expect(await ctx.store.getCommand('cmd-1')).toEqual({ ...first, seq: 1 });
      expect((await ctx.store.listEvents({ boardId: 'demo' })).map((e) => e.type)).toEqual(['card.updated']);
      expect(await ctx.store.listAppliedCommands('demo', 0)).toHaveLength(1);
    });

    it('applied commands get consecutive sequence numbers per board, rejections get none', async () => {
      expect(await ctx.store.commitCommand(command('a'), [])).toEqual({ status: 'committed', seq: 1 });
      expect(await ctx.store.commitCommand(rejection('b'), [])).toEqual({ status: 'committed', seq: null });
      expect(await ctx.store.commitCommand(command('c', { effects: [] }), [])).toEqual({ status: 'committed', seq: null });
      expect(await ctx.store.commitCommand(command('d'), [])).toEqual({ status: 'committed', seq: 2 });
      const applied = await ctx.store.listAppliedCommands('demo', 0);
      expect(applied.map((c) => [c.commandId, c.seq])).toEqual([
        ['a', 1],
        ['d', 2],
      ]);
      expect((await ctx.store.getCommand('b'))?.seq).toBeNull();
      expect((await ctx.store.getCommand('c'))?.seq).toBeNull();
    });

    it("two boards' sequences are independent", async () => {
      expect((await ctx.store.commitCommand(command('a1', { boardId: 'a' }), [])).status).toBe('committed');
      expect(await ctx.store.commitCommand(command('b1', { boardId: 'b' }), [])).toEqual({ status: 'committed', seq: 1 });
      expect(await ctx.store.commitCommand(command('a2', { boardId: 'a' }), [])).toEqual({ status: 'committed', seq: 2 });
      expect(await ctx.store.commitCommand(command('b2', { boardId: 'b' }), [])).toEqual({ status: 'committed', seq: 2 });
      expect((await ctx.store.listAppliedCommands('a', 0)).map((c) => c.commandId)).toEqual(['a1', 'a2']);
      expect((await ctx.store.listAppliedCommands('b', 0)).map((c) => c.commandId)).toEqual(['b1', 'b2']);
    });

    it('applied commands after a sequence number come back in order, exactly as recorded', async () => {
      const records = ['c1', 'c2', 'c3', 'c4'].map((id, i) => command(id, { at: 1000 + i, actor: `u${i}` }));
      for (const r of records) await ctx.store.commitCommand(r, []);
      const after = await ctx.store.listAppliedCommands('demo', 2);
      expect(after).toEqual([
        { ...records[2], seq: 3 },
        { ...records[3], seq: 4 },
      ]);
      expect(await ctx.store.listAppliedCommands('demo', 4)).toEqual([]);
      expect(await ctx.store.listAppliedCommands('other', 0)).toEqual([]);
    });

    it('a recorded rejection reads back exactly and unknown ids read as null', async () => {
      const r = rejection('r1');
      await ctx.store.commitCommand(r, []);
      expect(await ctx.store.getCommand('r1')).toEqual({ ...r, seq: null });
      expect(await ctx.store.getCommand('nope')).toBeNull();
    });

    it("a command's events are written with it", async () => {
      const events = [event({ type: 'card.created', cardId: 'c1' }), event({ type: 'card.moved', cardId: 'c1' })];
      await ctx.store.commitCommand(command('x'), events);
      const stored = await ctx.store.listEvents({ boardId: 'demo' });
      expect(stored.map(({ id: _id, ...rest }) => rest)).toEqual(events);
    });

    it('concurrent commits on one board get distinct consecutive sequence numbers', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => ctx.store.commitCommand(command(`p${i}`), [event()])),
      );
      const seqs = results.map((r) => (r.status === 'committed' ? r.seq : -1)).sort((a, b) => (a ?? 0) - (b ?? 0));
      expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(await ctx.store.listEvents({ boardId: 'demo' })).toHaveLength(10);
    });

    it('sequence numbers and replay answers survive a reopen', async () => {
      await ctx.store.commitCommand(command('a'), []);
      await ctx.store.commitCommand(command('b'), []);
      const store = await ctx.reopen();
      expect(await store.commitCommand(command('a'), [])).toEqual({ status: 'duplicate', existing: { ...command('a'), seq: 1 } });
      expect(await store.commitCommand(command('c'), [])).toEqual({ status: 'committed', seq: 3 });
    });
  });
}
