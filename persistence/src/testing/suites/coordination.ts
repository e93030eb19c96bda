import { describe, expect, it } from 'vitest';
import type { SuiteContext } from '../fixtures';

export function describeCoordination(ctx: SuiteContext): void {
  describe('settings', () => {
    it('setSettingIfAbsent keeps the first value', async () => {
      expect(await ctx.store.setSettingIfAbsent('secret', 'first')).toBe('first');
      expect(await ctx.store.setSettingIfAbsent('secret', 'second')).toBe('first');
      expect(await ctx.store.getSetting('secret')).toBe('first');
    });

    it('setSetting overwrites, and an unknown key reads as null', async () => {
      expect(await ctx.store.getSetting('mode')).toBeNull();
      await ctx.store.setSetting('mode', 'a');
      await ctx.store.setSetting('mode', 'b');
      expect(await ctx.store.getSetting('mode')).toBe('b');
      expect(await ctx.store.setSettingIfAbsent('mode', 'c')).toBe('b');
    });

    it('settings survive a reopen', async () => {
      await ctx.store.setSettingIfAbsent('secret', 's3cr3t');
      const store = await ctx.reopen();
      expect(await store.getSetting('secret')).toBe('s3cr3t');
    });
  });

  describe('locks', () => {
    it('a lock is held by one holder until it expires', async () => {
      expect(await ctx.store.acquireLock('compactor', 'A', 100, 1000)).toBe(true);
      expect(await ctx.store.acquireLock('compactor', 'B', 100, 1050)).toBe(false);
      expect(await ctx.store.acquireLock('compactor', 'B', 100, 1099)).toBe(false);
      expect(await ctx.store.acquireLock('compactor', 'B', 100, 1100)).toBe(true);
      expect(await ctx.store.acquireLock('compactor', 'A', 100, 1150)).toBe(false);
    });

    it('the holder renews its own lock, which extends it', async () => {
      expect(await ctx.store.acquireLock('l', 'A', 100, 0)).toBe(true);
      expect(await ctx.store.acquireLock('l', 'A', 100, 50)).toBe(true);
      expect(await ctx.store.acquireLock('l', 'B', 100, 120)).toBe(false);
      expect(await ctx.store.acquireLock('l', 'B', 100, 150)).toBe(true);
    });

    it('only the holder can release a lock, and a released lock is free at once', async () => {
      expect(await ctx.store.acquireLock('l', 'A', 10_000, 0)).toBe(true);
      await ctx.store.releaseLock('l', 'B');
      expect(await ctx.store.acquireLock('l', 'B', 10_000, 1)).toBe(false);
      await ctx.store.releaseLock('l', 'A');
      expect(await ctx.store.acquireLock('l', 'B', 10_000, 2)).toBe(true);
    });

    it('locks with different names are independent', async () => {
      expect(await ctx.store.acquireLock('one', 'A', 100, 0)).toBe(true);
      expect(await ctx.store.acquireLock('two', 'B', 100, 0)).toBe(true);
      expect(await ctx.store.acquireLock('two', 'A', 100, 10)).toBe(false);
    });

    it('concurrent attempts on a free lock let exactly one holder in', async () => {
      const holders = ['A', 'B', 'C', 'D'];
      const won = await Promise.all(holders.map((h) => ctx.store.acquireLock('race', h, 1000, 0)));
      expect(won.filter(Boolean)).toHaveLength(1);
    });
  });

  describe('lifecycle', () => {
    it('a closed store rejects further calls and closing twice is harmless', async () => {
      const store = ctx.store;
      await store.close();
      await expect(store.getSetting('x')).rejects.toThrow(/closed/);
      await expect(store.ensureDocument('d', () => 'e')).rejects.toThrow(/closed/);
      await expect(store.close()).resolves.toBeUndefined();
    });
  });
}
