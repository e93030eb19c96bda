import { compareByRank, REBALANCE_RANK_LENGTH, type Card } from '@baton/shared-types';
import { describe, expect, it } from 'vitest';
import { placeInColumn } from '../src/commands/placement';

const card = (id: string, rank: string, archived = false) => ({ id, rank, archived, stage: 'lead' }) as unknown as Card;

describe('placing a card in a column', () => {
  it('goes directly after the card named as above it, even when several land in the same gap', () => {
    let column = [card('a', '0|100000:'), card('z', '0|100008:')];
    for (let i = 0; i < 5; i++) {
      const { rank, reranked } = placeInColumn(column, `n${i}`, 'a', 'z');
      expect(reranked).toEqual([]);
      column = [...column, card(`n${i}`, rank)].sort(compareByRank);
    }
    expect(column.sort(compareByRank).map((c) => c.id)).toEqual(['a', 'n4', 'n3', 'n2', 'n1', 'n0', 'z']);
  });

  it('falls back to the card below when the card above has left the column, then to the end', () => {
    const column = [card('a', '0|100000:'), card('b', '0|100008:'), card('c', '0|10000g:')];
    const beforeB = placeInColumn(column, 'x', 'gone', 'b').rank;
    expect('0|100000:' < beforeB && beforeB < '0|100008:').toBe(true);
    expect(placeInColumn(column, 'x', 'gone', 'also-gone').rank > '0|10000g:').toBe(true);
  });

  it('ignores archived cards and the moving card itself', () => {
    const column = [card('a', '0|100000:'), card('old', '0|100004:', true), card('m', '0|100006:'), card('b', '0|100008:')];
    const { rank } = placeInColumn(column, 'm', 'a', 'b');
    expect('0|100000:' < rank && rank < '0|100008:').toBe(true);
  });

  it('rebalances the column when ranks grow long, keeping every card in order', () => {
    let column = [card('top', '0|100000:'), card('bottom', '0|100008:')];
    let rebalanced = 0;
    for (let i = 0; i < 200; i++) {
      const { rank, reranked } = placeInColumn(column, `n${i}`, 'top', null);
      if (reranked.length > 0) rebalanced++;
      const ranks = new Map(reranked.map((r) => [r.cardId, r.rank]));
      column = [...column.map((c) => card(c.id, ranks.get(c.id) ?? c.rank)), card(`n${i}`, rank)].sort(compareByRank);
      expect(rank.length).toBeLessThanOrEqual(REBALANCE_RANK_LENGTH);
    }
    expect(rebalanced).toBeGreaterThan(0);
    const order = column.sort(compareByRank).map((c) => c.id);
    expect(order[0]).toBe('top');
    expect(order.at(-1)).toBe('bottom');
    expect(order.slice(1, 4)).toEqual(['n199', 'n198', 'n197']);
    expect(new Set(column.map((c) => c.rank)).size).toBe(column.length);
  });

  it('rebalances instead of failing when two neighbours share a rank', () => {
    const column = [card('a', '0|100000:'), card('b', '0|100000:'), card('c', '0|100008:')];
    const { rank, reranked } = placeInColumn(column, 'x', 'a', 'b');
    expect(reranked.length).toBeGreaterThan(0);
    const ranks = new Map([...column.map((c) => [c.id, c.rank] as const), ...reranked.map((r) => [r.cardId, r.rank] as const), ['x', rank]]);
    const order = [...ranks.entries()].sort((p, q) => (p[1] < q[1] ? -1 : 1)).map(([id]) => id);
    expect(order).toEqual(['a', 'x', 'b', 'c']);
  });
});
