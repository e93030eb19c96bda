import { CARD_DEFAULTS, DEFAULT_STAGES, type Card, type CardId, type StageId, type UserId } from '@baton/shared-types';
import { compareByRank } from '@baton/shared-types';
import type { BaseBoard } from '@baton/shared-types/ydoc';

let n = 0;
/** A UUID-shaped id that sorts by creation order, so test output is readable. */
export const id = (label: string) => `00000000-0000-4000-8000-${String(++n).padStart(8, '0')}${label.slice(0, 4).padEnd(4, '0')}`.slice(0, 36);

export function card(title: string, stage: string, rank: string, extra: Partial<Card> = {}): Card {
  return {
    ...CARD_DEFAULTS,
    id: id(title) as CardId,
    title,
    customer: `${title} Ltd`,
    ownerId: 'sales' as UserId,
    stage: stage as StageId,
    rank,
    createdAt: 1,
    updatedAt: 1,
    lastActivityAt: 1,
    stageEnteredAt: 1,
    ...extra,
  };
}

export function base(cards: Card[]): BaseBoard {
  const columns = new Map<string, Card[]>();
  for (const c of cards) {
    if (c.archived) continue;
    columns.set(c.stage, [...(columns.get(c.stage) ?? []), c]);
  }
  for (const list of columns.values()) list.sort(compareByRank);
  return { name: 'Test', epoch: 'e1', stages: DEFAULT_STAGES, columns, cards: new Map(cards.map((c) => [c.id, c])) };
}

export const titles = (b: { columns: ReadonlyMap<string, readonly Card[]> }, stage: string) => (b.columns.get(stage) ?? []).map((c) => c.title);
