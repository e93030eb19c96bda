import { rankBetween, REBALANCE_RANK_LENGTH, spreadRanks, type Card } from '@baton/shared-types';

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
 *
 * `column` must be in rank order (as DecisionContext.column gives it): only the two
 * neighbours are looked at, so a drop into a 10,000-card column costs a scan, not a sort.
 */
export function placeInColumn(
  column: readonly Card[],
  movingId: string,
  afterCardId?: string | null,
  beforeCardId?: string | null,
): Placement {
  const live = (c: Card) => c.id !== movingId && !c.archived;
  const at = (id: string | null | undefined) => (id ? column.findIndex((c) => c.id === id && live(c)) : -1);
  const afterAt = at(afterCardId);
  const beforeAt = afterAt >= 0 ? -1 : at(beforeCardId);
  // The gap: cards at positions < index are above the new card, the rest below.
  const index = afterAt >= 0 ? afterAt + 1 : beforeAt >= 0 ? beforeAt : column.length;
  let prev: Card | undefined;
  for (let i = index - 1; i >= 0 && !prev; i--) if (live(column[i] as Card)) prev = column[i];
  let next: Card | undefined;
  for (let i = index; i < column.length && !next; i++) if (live(column[i] as Card)) next = column[i];
  const rank = rankBetween(prev?.rank ?? null, next?.rank ?? null);
  if (rank !== null && rank.length <= REBALANCE_RANK_LENGTH) return { rank, reranked: [] };

  const above = column.slice(0, index).filter(live);
  const below = column.slice(index).filter(live);
  const ordered = [...above.map((c) => c.id), movingId, ...below.map((c) => c.id)];
  const ranks = spreadRanks(ordered.length);
  const byId = new Map<string, string>([...above, ...below].map((c) => [c.id, c.rank]));
  const reranked: Placement['reranked'] = [];
  let placed = '';
  ordered.forEach((id, i) => {
    const r = ranks[i] as string;
    if (id === movingId) placed = r;
    else if (byId.get(id) !== r) reranked.push({ cardId: id, rank: r });
  });
  return { rank: placed, reranked };
}
