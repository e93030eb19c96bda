import { LexoRank } from 'lexorank';

/** Ranks longer than this trigger a rebalance of their column. */
export const REBALANCE_RANK_LENGTH = 40;

/** Orders cards by rank (plain string compare), ties broken by id so every replica agrees. */
export function compareByRank(a: { rank: string; id: string }, b: { rank: string; id: string }): number {
  if (a.rank < b.rank) return -1;
  if (a.rank > b.rank) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * A rank strictly between `prev` and `next` (either may be null for "start"/"end").
 * Returns null when no such rank exists (equal or inverted neighbours), which tells
 * the caller to rebalance the column first.
 */
export function rankBetween(prev: string | null, next: string | null): string | null {
  try {
    if (prev === null && next === null) return LexoRank.middle().toString();
    if (prev === null) {
      const n = LexoRank.parse(next as string);
      const candidate = n.genPrev();
      return (candidate.compareTo(n) < 0 ? candidate : LexoRank.min().between(n)).toString();
    }
    if (next === null) {
      const p = LexoRank.parse(prev);
      const candidate = p.genNext();
      return (candidate.compareTo(p) > 0 ? candidate : p.between(LexoRank.max())).toString();
    }
    if (!(prev < next)) return null;
    const result = LexoRank.parse(prev).between(LexoRank.parse(next)).toString();
    return prev < result && result < next ? result : null;
  } catch {
    return null;
  }
}

/** `count` short, evenly spaced, increasing ranks: what a column gets when rebalanced. */
export function spreadRanks(count: number): string[] {
  const ranks: string[] = [];
  let r = LexoRank.parse('0|100000:');
  for (let i = 0; i < count; i++) {
    ranks.push(r.toString());
    r = r.genNext();
  }
  return ranks;
}

export const isValidRank = (rank: string): boolean => {
  try {
    LexoRank.parse(rank);
    return true;
  } catch {
    return false;
  }
};
