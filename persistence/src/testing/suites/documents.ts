import { describe, expect, it } from 'vitest';
import type { SuiteContext } from '../fixtures';
import { Editor, isPlainUint8Array, merge, rebuiltText, stateWithText } from '../fixtures';

export function describeDocuments(ctx: SuiteContext): void {
  describe('documents', () => {
    it('ensureDocument creates a document once and keeps its first epoch', async () => {
      expect(await ctx.store.ensureDocument('board:a', () => 'e1')).toEqual({ epoch: 'e1', created: true });
      expect(await ctx.store.ensureDocument('board:a', () => 'e2')).toEqual({ epoch: 'e1', created: false });
      expect((await ctx.store.loadDocument('board:a'))?.epoch).toBe('e1');
    });

    it('concurrent ensureDocument calls agree on one epoch and report one creation', async () => {
      const results = await Promise.all(
        ['e1', 'e2', 'e3', 'e4', 'e5'].map((epoch) => ctx.store.ensureDocument('board:race', () => epoch)),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.epoch)).size).toBe(1);
      expect((await ctx.store.loadDocument('board:race'))?.epoch).toBe(results[0]?.epoch);
    });

    it('an unknown document loads as null and counts no updates', async () => {
      expect(await ctx.store.loadDocument('board:nope')).toBeNull();
      expect(await ctx.store.countUpdates('board:nope')).toBe(0);
    });

    it('a new document loads with its epoch, no snapshot and no updates', async () => {
      await ctx.store.ensureDocument('card:1', () => 'fresh');
      expect(await ctx.store.loadDocument('card:1')).toEqual({ epoch: 'fresh', snapshot: null, updates: [] });
    });

    it('appending to an unknown document is refused and creates nothing', async () => {
      await expect(ctx.store.appendUpdate('board:nope', new Editor().type('x'))).rejects.toThrow(/board:nope/);
      expect(await ctx.store.loadDocument('board:nope')).toBeNull();
    });

    it('updates come back in append order and rebuild the document', async () => {
      const editor = new Editor();
      await ctx.store.ensureDocument('card:1', () => 'e1');
      const seqs: number[] = [];
      const sent: Uint8Array[] = [];
      for (const word of ['Call ', 'the ', 'customer']) {
        const update = editor.type(word);
        sent.push(update);
        seqs.push(await ctx.store.appendUpdate('card:1', update));
      }
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(3);
      const loaded = await ctx.store.loadDocument('card:1');
      expect(loaded?.updates.map((u) => u.seq)).toEqual(seqs);
      expect(loaded?.updates.map((u) => Array.from(u.data))).toEqual(sent.map((u) => Array.from(u)));
      expect(rebuiltText(loaded)).toBe('Call the customer');
      expect(await ctx.store.countUpdates('card:1')).toBe(3);
    });

    it('an update appended before a reopen is still there after it', async () => {
      const editor = new Editor();
      await ctx.store.ensureDocument('card:1', () => 'e1');
      await ctx.store.appendUpdate('card:1', editor.type('durable'));
      const store = await ctx.reopen();
      const loaded = await store.loadDocument('card:1');
      expect(loaded?.epoch).toBe('e1');
      expect(rebuiltText(loaded)).toBe('durable');
    });

    it('replayable updates keep their place in the log, between durable ones, and survive a reopen', async () => {
      const editor = new Editor();
      await ctx.store.ensureDocument('card:1', () => 'e1');
      const first = await ctx.store.appendUpdate('card:1', editor.type('one '), { replayable: true });
      const second = await ctx.store.appendUpdate('card:1', editor.type('two '));
      const third = await ctx.store.appendUpdate('card:1', editor.type('three'), { replayable: true });
      expect([first, second, third]).toEqual([first, second, third].sort((a, b) => a - b));
      const store = await ctx.reopen();
      const loaded = await store.loadDocument('card:1');
      expect(loaded?.updates.map((u) => u.seq)).toEqual([first, second, third]);
      expect(rebuiltText(loaded)).toBe('one two three');
    });

    it('binary data round-trips byte for byte as plain Uint8Array', async () => {
      const backing = new Uint8Array([7, 7, 0, 255, 1, 0, 128, 7]);
      const update = backing.subarray(2, 7); // a view with an offset, as Yjs often hands out
      const state = new Uint8Array([0, 0, 1, 254, 0]);
      await ctx.store.ensureDocument('bin', () => 'e1');
      await ctx.store.resetDocument('bin', state, 'e2');
      await ctx.store.appendUpdate('bin', update);
      const loaded = await ctx.store.loadDocument('bin');
      const stored = loaded?.updates[0]?.data;
      expect(isPlainUint8Array(stored)).toBe(true);
      expect(Array.from(stored ?? [])).toEqual([0, 255, 1, 0, 128]);
      expect(isPlainUint8Array(loaded?.snapshot)).toBe(true);
      expect(Array.from(loaded?.snapshot ?? [])).toEqual([0, 0, 1, 254, 0]);
    });

    it('compaction folds the merged updates into the snapshot', async () => {
      const editor = new Editor();
      await ctx.store.ensureDocument('card:1', () => 'e1');
      const updates = [editor.type('one '), editor.type('two '), editor.type('three')];
      let last = 0;
      for (const u of updates) last = await ctx.store.appendUpdate('card:1', u);
      await ctx.store.compactDocument('card:1', merge(...updates), last);
      const loaded = await ctx.store.loadDocument('card:1');
      expect(loaded?.snapshot).not.toBeNull();
      expect(loaded?.updates).toEqual([]);
      expect(loaded?.epoch).toBe('e1');
      expect(await ctx.store.countUpdates('card:1')).toBe(0);
      expect(rebuiltText(loaded)).toBe('one two three');
    });

    it('compaction keeps updates appended after the compaction point', async () => {
      const editor = new Editor();
      await ctx.store.ensureDocument('card:1', () => 'e1');
      await ctx.store.appendUpdate('card:1', editor.type('a'));
      await ctx.store.appendUpdate('card:1', editor.type('b'));
      const seen = await ctx.store.loadDocument('card:1');
      const upto = seen?.updates.at(-1)?.seq ?? -1;
      const merged = merge(seen?.snapshot ?? null, ...(seen?.updates.map((u) => u.data) ?? []));
      // Appended while the compactor was merging:
      const lateSeq = await ctx.store.appendUpdate('card:1', editor.type('c'));
      await ctx.store.compactDocument('card:1', merged, upto);
      const loaded = await ctx.store.loadDocument('card:1');
      expect(loaded?.updates.map((u) => u.seq)).toEqual([lateSeq]);
      expect(await ctx.store.countUpdates('card:1')).toBe(1);
      expect(rebuiltText(loaded)).toBe('abc');
    });

    it('a second compaction builds on the first', async () => {
      const editor = new Editor();
      await ctx.store.ensureDocument('card:1', () => 'e1');
      const u1 = editor.type('x');
      const s1 = await ctx.store.appendUpdate('card:1', u1);
      await ctx.store.compactDocument('card:1', merge(u1), s1);
      const u2 = editor.type('y');
      const s2 = await ctx.store.appendUpdate('card:1', u2);
      const before = await ctx.store.loadDocument('card:1');
      expect(before?.updates.map((u) => u.seq)).toEqual([s2]);
      await ctx.store.compactDocument('card:1', merge(before?.snapshot ?? null, u2), s2);
      const loaded = await ctx.store.loadDocument('card:1');
      expect(loaded?.updates).toEqual([]);
      expect(rebuiltText(loaded)).toBe('xy');
    });

    it('a compaction older than the current snapshot changes nothing', async () => {
      const editor = new Editor();
      await ctx.store.ensureDocument('card:1', () => 'e1');
      const u1 = editor.type('x');
      const s1 = await ctx.store.appendUpdate('card:1', u1);
      const u2 = editor.type('y');
      const s2 = await ctx.store.appendUpdate('card:1', u2);
      await ctx.store.compactDocument('card:1', merge(u1, u2), s2);
      await ctx.store.compactDocument('card:1', merge(u1), s1); // a slower compactor, finishing late
      expect(rebuiltText(await ctx.store.loadDocument('card:1'))).toBe('xy');
    });

    it('resetDocument changes the epoch and drops history', async () => {
      const editor = new Editor();
      await ctx.store.ensureDocument('card:1', () => 'e1');
      await ctx.store.appendUpdate('card:1', editor.type('old text'));
      const state = stateWithText('restored');
      await ctx.store.resetDocument('card:1', state, 'e2');
      const loaded = await ctx.store.loadDocument('card:1');
      expect(loaded?.epoch).toBe('e2');
      expect(loaded?.updates).toEqual([]);
      expect(Array.from(loaded?.snapshot ?? [])).toEqual(Array.from(state));
      expect(await ctx.store.countUpdates('card:1')).toBe(0);
      expect(rebuiltText(loaded)).toBe('restored');
      expect(await ctx.store.ensureDocument('card:1', () => 'e3')).toEqual({ epoch: 'e2', created: false });
    });

    it('updates appended after a reset build on the reset state', async () => {
      await ctx.store.ensureDocument('card:1', () => 'e1');
      await ctx.store.appendUpdate('card:1', new Editor().type('stale'));
      const state = stateWithText('restored');
      await ctx.store.resetDocument('card:1', state, 'e2');
      const editor = new Editor(state); // a client that loaded the restored state
      const seq = await ctx.store.appendUpdate('card:1', editor.type('!'));
      const loaded = await ctx.store.loadDocument('card:1');
      expect(loaded?.updates.map((u) => u.seq)).toEqual([seq]);
      expect(rebuiltText(loaded)).toBe('restored!');
    });

    it('a compaction planned before a reset does not undo the reset', async () => {
      const editor = new Editor();
      await ctx.store.ensureDocument('card:1', () => 'e1');
      const u1 = editor.type('stale');
      const s1 = await ctx.store.appendUpdate('card:1', u1);
      await ctx.store.resetDocument('card:1', stateWithText('restored'), 'e2');
      await ctx.store.compactDocument('card:1', merge(u1), s1); // merged from pre-reset history
      const loaded = await ctx.store.loadDocument('card:1');
      expect(loaded?.epoch).toBe('e2');
      expect(rebuiltText(loaded)).toBe('restored');
    });

    it('compaction and reset survive a reopen', async () => {
      const editor = new Editor();
      await ctx.store.ensureDocument('a', () => 'e1');
      await ctx.store.ensureDocument('b', () => 'e1');
      const u = editor.type('kept');
      const seq = await ctx.store.appendUpdate('a', u);
      await ctx.store.compactDocument('a', merge(u), seq);
      await ctx.store.resetDocument('b', stateWithText('reset'), 'e9');
      const store = await ctx.reopen();
      const a = await store.loadDocument('a');
      const b = await store.loadDocument('b');
      expect([a?.epoch, a?.updates.length, rebuiltText(a)]).toEqual(['e1', 0, 'kept']);
      expect([b?.epoch, b?.updates.length, rebuiltText(b)]).toEqual(['e9', 0, 'reset']);
    });

    it('each document keeps its own log', async () => {
      const ea = new Editor();
      const eb = new Editor();
      await ctx.store.ensureDocument('a', () => 'ea');
      await ctx.store.ensureDocument('b', () => 'eb');
      const a1 = ea.type('A');
      const sa = await ctx.store.appendUpdate('a', a1);
      await ctx.store.appendUpdate('b', eb.type('B'));
      await ctx.store.compactDocument('a', merge(a1), sa);
      await ctx.store.appendUpdate('b', eb.type('B'));
      await ctx.store.resetDocument('a', stateWithText('R'), 'ea2');
      const b = await ctx.store.loadDocument('b');
      expect(b?.epoch).toBe('eb');
      expect(b?.snapshot).toBeNull();
      expect(b?.updates).toHaveLength(2);
      expect(rebuiltText(b)).toBe('BB');
    });

    it('setEpoch changes the epoch and keeps the snapshot and every update', async () => {
      const editor = new Editor();
      await ctx.store.ensureDocument('card:1', () => 'e1');
      const u1 = editor.type('kept ');
      const s1 = await ctx.store.appendUpdate('card:1', u1);
      await ctx.store.compactDocument('card:1', merge(u1), s1);
      const s2 = await ctx.store.appendUpdate('card:1', editor.type('history'));
      await ctx.store.setEpoch('card:1', 'e2');
      const s3 = await ctx.store.appendUpdate('card:1', editor.type('!'));
      const loaded = await ctx.store.loadDocument('card:1');
      expect(loaded?.epoch).toBe('e2');
      expect(loaded?.updates.map((u) => u.seq)).toEqual([s2, s3]);
      expect(rebuiltText(loaded)).toBe('kept history!');
      expect(await ctx.store.ensureDocument('card:1', () => 'e3')).toEqual({ epoch: 'e2', created: false });
    });

    it('compacting, resetting or re-epoching an unknown document is refused', async () => {
      await expect(ctx.store.compactDocument('nope', stateWithText('x'), 1)).rejects.toThrow(/nope/);
      await expect(ctx.store.resetDocument('nope', stateWithText('x'), 'e1')).rejects.toThrow(/nope/);
      await expect(ctx.store.setEpoch('nope', 'e1')).rejects.toThrow(/nope/);
      expect(await ctx.store.loadDocument('nope')).toBeNull();
    });
  });
}
