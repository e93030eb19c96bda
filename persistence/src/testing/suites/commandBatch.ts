import { describe, expect, it } from 'vitest';
import type { CommandRecord, EventRecord, Store } from '../../Store';
import type { SuiteContext } from '../fixtures';
import { command, event, rejection } from '../fixtures';

const entry = (record: CommandRecord, events: EventRecord[] = []) => ({ record, events });
const withoutIds = (events: Array<EventRecord & { id: number }>) => events.map(({ id: _id, ...rest }) => rest);

/** Everything a caller can see of a board's commands and events. */
async function snapshot(store: Store, boardId: string, ids: string[]) {
  return {
    applied: await store.listAppliedCommands(boardId, 0),
    events: await store.listEvents({ boardId }),
    commands: await Promise.all(ids.map((id) => store.getCommand(id))),
  };
}

export function describeCommandBatch(ctx: SuiteContext): void {
  describe('command batches', () => {
    it('applied commands get consecutive seqs after earlier single commits; refusals get null and use none', async () => {
      await ctx.store.commitCommand(command('s1'), []);
      await ctx.store.commitCommand(rejection('s2'), []);
      await ctx.store.commitCommand(command('s3'), []);
      const records = [
        command('b1', { actor: 'u1', at: 1 }),
        rejection('b2', { at: 2 }),
        command('b3', { at: 3 }),
        command('b4', { effects: [], at: 4 }),
        command('b5', { at: 5 }),
      ];
      expect(await ctx.store.commitCommands(records.map((r) => entry(r)))).toEqual({ status: 'committed', seqs: [3, null, 4, null, 5] });
      for (const [i, seq] of [3, null, 4, null, 5].entries()) {
        const record = records[i] as CommandRecord;
        expect(await ctx.store.getCommand(record.commandId)).toEqual({ ...record, seq });
      }
      expect((await ctx.store.listAppliedCommands('demo', 0)).map((c) => [c.commandId, c.seq])).toEqual([
        ['s1', 1],
        ['s3', 2],
        ['b1', 3],
        ['b3', 4],
        ['b5', 5],
      ]);
      // A later single commit continues the sequence, and replays of batched ids are duplicates.
      expect(await ctx.store.commitCommand(command('s4'), [])).toEqual({ status: 'committed', seq: 6 });
      expect(await ctx.store.commitCommand(rejection('b3'), [])).toEqual({ status: 'duplicate', existing: { ...records[2], seq: 4 } });
    });

    it('a batch of refusals only commits them all with null seqs', async () => {
      const result = await ctx.store.commitCommands([entry(rejection('r1')), entry(command('r2', { effects: [] }))]);
      expect(result).toEqual({ status: 'committed', seqs: [null, null] });
      expect(await ctx.store.getCommand('r1')).toEqual({ ...rejection('r1'), seq: null });
      expect(await ctx.store.commitCommand(command('next'), [])).toEqual({ status: 'committed', seq: 1 });
    });

    it("the events of every command in a batch are stored and listed in batch order", async () => {
      const batch = [
        entry(command('e1'), [event({ type: 'card.created', cardId: 'c1' }), event({ type: 'card.moved', cardId: 'c1' })]),
        entry(rejection('e2'), [event({ type: 'command.rejected', cardId: null })]),
        entry(command('e3'), []),
        entry(command('e4'), [event({ type: 'card.updated', cardId: 'c2', at: 7, data: { n: 4 } })]),
      ];
      await ctx.store.commitCommands(batch);
      const stored = await ctx.store.listEvents({ boardId: 'demo' });
      expect(withoutIds(stored)).toEqual(batch.flatMap((e) => e.events));
      expect(await ctx.store.listEvents({ boardId: 'demo', cardId: 'c1' })).toHaveLength(2);
    });

    it('a batch holding an already recorded id writes nothing and names the first such entry', async () => {
      const first = command('old-1', { actor: 'bob' });
      await ctx.store.commitCommand(first, [event({ type: 'old' })]);
      await ctx.store.commitCommand(rejection('old-2'), []);
      const ids = ['n1', 'n2', 'old-2', 'old-1', 'n3'];
      const before = await snapshot(ctx.store, 'demo', ids);
      const result = await ctx.store.commitCommands([
        entry(command('n1'), [event({ type: 'new' })]),
        entry(command('n2'), [event({ type: 'new' })]),
        entry(command('old-2'), [event({ type: 'new' })]),
        entry(command('old-1'), [event({ type: 'new' })]),
        entry(command('n3'), [event({ type: 'new' })]),
      ]);
      expect(result).toEqual({ status: 'duplicate', index: 2, existing: { ...rejection('old-2'), seq: null } });
      expect(await snapshot(ctx.store, 'demo', ids)).toEqual(before);
      expect(await ctx.store.getCommand('n1')).toBeNull();
      // No seq was consumed: the next applied command gets 2.
      expect(await ctx.store.commitCommand(command('n1'), [])).toEqual({ status: 'committed', seq: 2 });
      const again = await ctx.store.commitCommands([entry(command('n4')), entry(command('old-1'))]);
      expect(again).toEqual({ status: 'duplicate', index: 1, existing: { ...first, seq: 1 } });
      expect(await ctx.store.getCommand('n4')).toBeNull();
    });

    it('a batch whose records name different boards throws and writes nothing', async () => {
      await ctx.store.commitCommand(command('a0'), []);
      const batch = [entry(command('a1'), [event()]), entry(command('x1', { boardId: 'other' }), [event({ boardId: 'other' })])];
      await expect(ctx.store.commitCommands(batch)).rejects.toThrow(/board/);
      expect(await ctx.store.getCommand('a1')).toBeNull();
      expect(await ctx.store.getCommand('x1')).toBeNull();
      expect(await ctx.store.listEvents({ boardId: 'demo' })).toEqual([]);
      expect(await ctx.store.listEvents({ boardId: 'other' })).toEqual([]);
      expect(await ctx.store.commitCommand(command('a1'), [])).toEqual({ status: 'committed', seq: 2 });
    });

    it('a batch naming one command id twice throws and writes nothing', async () => {
      await expect(ctx.store.commitCommands([entry(command('d1'), [event()]), entry(rejection('d1'))])).rejects.toThrow(/twice/);
      expect(await ctx.store.getCommand('d1')).toBeNull();
      expect(await ctx.store.listEvents({ boardId: 'demo' })).toEqual([]);
    });

    it('an empty batch commits nothing', async () => {
      expect(await ctx.store.commitCommands([])).toEqual({ status: 'committed', seqs: [] });
      expect(await ctx.store.commitCommand(command('first'), [])).toEqual({ status: 'committed', seq: 1 });
    });

    it("a batch on one board leaves another board's sequence alone", async () => {
      await ctx.store.commitCommand(command('o1', { boardId: 'other' }), []);
      expect(await ctx.store.commitCommands([entry(command('d1')), entry(command('d2'))])).toEqual({ status: 'committed', seqs: [1, 2] });
      const otherBatch = [entry(command('o2', { boardId: 'other' })), entry(command('o3', { boardId: 'other' }))];
      expect(await ctx.store.commitCommands(otherBatch)).toEqual({ status: 'committed', seqs: [2, 3] });
      expect((await ctx.store.listAppliedCommands('other', 0)).map((c) => c.commandId)).toEqual(['o1', 'o2', 'o3']);
    });

    it('concurrent batches on one board each get a consecutive run of distinct seqs', async () => {
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, b) =>
          ctx.store.commitCommands([0, 1, 2].map((i) => entry(command(`p${b}-${i}`), [event({ type: `from.${b}` })]))),
        ),
      );
      const runs = results.map((r) => (r.status === 'committed' ? r.seqs : []));
      for (const seqs of runs) {
        const start = seqs[0] ?? Number.NaN;
        expect(seqs).toEqual([start, start + 1, start + 2]);
      }
      expect(runs.flat().sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
      expect(await ctx.store.listEvents({ boardId: 'demo' })).toHaveLength(18);
    });

    it('batched commands survive a reopen', async () => {
      await ctx.store.commitCommands([entry(command('a')), entry(rejection('b')), entry(command('c'))]);
      const store = await ctx.reopen();
      expect((await store.listAppliedCommands('demo', 0)).map((c) => [c.commandId, c.seq])).toEqual([
        ['a', 1],
        ['c', 2],
      ]);
      expect(await store.commitCommands([entry(command('d')), entry(command('b'))])).toEqual({
        status: 'duplicate',
        index: 1,
        existing: { ...rejection('b'), seq: null },
      });
      expect(await store.commitCommands([entry(command('d'))])).toEqual({ status: 'committed', seqs: [3] });
    });
  });
}
