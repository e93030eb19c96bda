import { describe, expect, it } from 'vitest';
import { compareByRank, rankBetween, spreadRanks } from './rank';

describe('ranks', () => {
  it('places a rank strictly between its neighbours', () => {
    const a = rankBetween(null, null)!;
    const b = rankBetween(a, null)!;
    const mid = rankBetween(a, b)!;
    expect(a < mid && mid < b).toBe(true);
  });

  it('keeps finding room when many cards are dropped into the same gap', () => {
    const first = rankBetween(null, null)!;
    const last = rankBetween(first, null)!;
    let upper = last;
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const r = rankBetween(first, upper);
      expect(r).not.toBeNull();
      expect(first < r! && r! < upper).toBe(true);
      seen.add(r!);
      upper = r!;
    }
    expect(seen.size).toBe(200);
  });

  it('refuses equal or inverted neighbours instead of inventing an order', () => {
    const a = rankBetween(null, null)!;
    expect(rankBetween(a, a)).toBeNull();
    const b = rankBetween(a, null)!;
    expect(rankBetween(b, a)).toBeNull();
    expect(rankBetween('garbage', a)).toBeNull();
  });

  it('can always go before the first and after the last card', () => {
    const spread = spreadRanks(3);
    const before = rankBetween(null, spread[0]!)!;
    const after = rankBetween(spread[2]!, null)!;
    expect(before < spread[0]!).toBe(true);
    expect(after > spread[2]!).toBe(true);
  });

  it('spreads a rebalanced column into short increasing ranks', () => {
    const ranks = spreadRanks(1000);
    for (let i = 1; i < ranks.length; i++) expect(ranks[i - 1]! < ranks[i]!).toBe(true);
    expect(Math.max(...ranks.map((r) => r.length))).toBeLessThan(12);
  });

  it('breaks rank ties by id so every replica shows the same order', () => {
    const cards = [
      { id: 'b', rank: 'x' },
      { id: 'a', rank: 'x' },
      { id: 'c', rank: 'a' },
    ];
    expect(cards.sort(compareByRank).map((c) => c.id)).toEqual(['c', 'a', 'b']);
  });
});
