import { compareByRank, rankBetween, REBALANCE_RANK_LENGTH, spreadRanks, type Card } from '@baton/shared-types';

export interface Placement {
  /** The rank of the placed card. */
  rank: string;
  /** Other cards of the column whose ranks change because the column was rebalanced. */
  reranked: Array<{ cardId: string; rank: string }>;
}

/**
 * Where a card lands in a column. The server computes the rank from the column as it is
 * now, so concurrent drops into the same gap never collide: the card goes directly after
 * `afterCardId` if that card is in the column, else directly before `beforeCardId`, else
 * at the end. When there is no room (or ranks grow long) the column is rebalanced.
 */
export function placeInColumn(
  column: readonly Card[],
  movingId: string,
  afterCardId?: string | null,
  beforeCardId?: string | null,
): Placement {
  const others = column.filter((c) => c.id !== movingId && !c.archived).sort(compareByRank);
  let index = others.length;
  const afterIdx = afterCardId ? others.findIndex((c) => c.id === afterCardId) : -1;
  const beforeIdx = beforeCardId ? others.findIndex((c) => c.id === beforeCardId) : -1;
  if (afterIdx >= 0) index = afterIdx + 1;
  else if (beforeIdx >= 0) index = beforeIdx;

  const prev = others[index - 1]?.rank ?? null;
  const next = others[index]?.rank ?? null;
  const rank = rankBetween(prev, next);
  if (rank !== null && rank.length <= REBALANCE_RANK_LENGTH) return { rank, reranked: [] };

  const ordered = [...others.slice(0, index).map((c) => c.id), movingId, ...others.slice(index).map((c) => c.id)];
  const ranks = spreadRanks(ordered.length);
  const byId = new Map<string, string>(others.map((c) => [c.id, c.rank]));
  const reranked: Placement['reranked'] = [];
  let placed = '';
  ordered.forEach((id, i) => {
    const r = ranks[i] as string;
    if (id === movingId) placed = r;
    else if (byId.get(id) !== r) reranked.push({ cardId: id, rank: r });
  });
  return { rank: placed, reranked };
}
