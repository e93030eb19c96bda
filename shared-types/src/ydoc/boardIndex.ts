import type { Card } from '../model/card';
import type { StageConfig } from '../model/stages';
import { compareByRank } from '../rank/rank';
import { cardsMap, changedCardIds, metaMap, readCardMap, readMeta, readStages, stagesArray } from './boardDoc';
import type * as Y from 'yjs';

/** What the board document says, indexed for rendering. Immutable: every change makes a new object. */
export interface BaseBoard {
  name: string;
  epoch: string | null;
  stages: readonly StageConfig[];
  /** Live (non-archived) cards per stage id, sorted by rank. Untouched columns keep their array identity. */
  columns: ReadonlyMap<string, readonly Card[]>;
  /** Every card of the document, archived ones included. */
  cards: ReadonlyMap<string, Card>;
}

export const EMPTY_BASE: BaseBoard = { name: '', epoch: null, stages: [], columns: new Map(), cards: new Map() };

/** Index of `card` in a rank-sorted column where it would be inserted. */
export function insertionIndex(column: readonly Card[], card: Card): number {
  let lo = 0;
  let hi = column.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareByRank(column[mid] as Card, card) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Builds the index from scratch (first load, epoch reset). */
export function buildBase(doc: Y.Doc): BaseBoard {
  const cards = new Map<string, Card>();
  const columns = new Map<string, Card[]>();
  cardsMap(doc).forEach((map, id) => {
    const card = readCardMap(id, map);
    if (!card) return;
    cards.set(id, card);
    if (card.archived) return;
    const column = columns.get(card.stage);
    if (column) column.push(card);
    else columns.set(card.stage, [card]);
  });
  for (const column of columns.values()) column.sort(compareByRank);
  const meta = readMeta(doc);
  return { name: meta.name, epoch: meta.epoch, stages: readStages(doc), columns, cards };
}

/**
 * Applies a set of changed card ids to the index. Only the columns those cards left or
 * entered are copied; a single move on a 2,000-card board touches two arrays.
 */
export function applyCardChanges(base: BaseBoard, doc: Y.Doc, ids: ReadonlySet<string>): BaseBoard {
  if (ids.size === 0) return base;
  const map = cardsMap(doc);
  const cards = new Map(base.cards);
  const removeFrom = new Set<string>();
  const inserts = new Map<string, Card[]>();
  for (const id of ids) {
    const before = base.cards.get(id);
    const after = readCardMap(id, map.get(id));
    if (before && !before.archived) removeFrom.add(before.stage);
    if (after) {
      cards.set(id, after);
      if (!after.archived) {
        const list = inserts.get(after.stage);
        if (list) list.push(after);
        else inserts.set(after.stage, [after]);
      }
    } else {
      cards.delete(id);
    }
  }
  const columns = new Map(base.columns);
  for (const stage of new Set([...removeFrom, ...inserts.keys()])) {
    const old = base.columns.get(stage) ?? [];
    const next = removeFrom.has(stage) ? old.filter((c) => !ids.has(c.id)) : [...old];
    const added = inserts.get(stage) ?? [];
    if (added.length > 32) {
      next.push(...added);
      next.sort(compareByRank);
    } else {
      for (const card of added) next.splice(insertionIndex(next, card), 0, card);
    }
    columns.set(stage, next);
  }
  return { ...base, cards, columns };
}

/**
 * The same change made in place, for an index nobody renders (the server's): O(changed ×
 * log column) plus the moves of `splice`, instead of copying the card map each time.
 */
export function applyCardChangesInPlace(base: BaseBoard, doc: Y.Doc, ids: ReadonlySet<string>): BaseBoard {
  const map = cardsMap(doc);
  const cards = base.cards as Map<string, Card>;
  const columns = base.columns as Map<string, Card[]>;
  for (const id of ids) {
    const before = cards.get(id);
    if (before && !before.archived) {
      const column = columns.get(before.stage) ?? [];
      let at = insertionIndex(column, before);
      if (column[at]?.id !== id) at = column.findIndex((c) => c.id === id);
      if (at >= 0) column.splice(at, 1);
    }
    const after = readCardMap(id, map.get(id));
    if (!after) {
      cards.delete(id);
      continue;
    }
    cards.set(id, after);
    if (after.archived) continue;
    let column = columns.get(after.stage);
    if (!column) {
      column = [];
      columns.set(after.stage, column);
    }
    column.splice(insertionIndex(column, after), 0, after);
  }
  return base;
}

/**
 * Keeps a `BaseBoard` in step with a Y.Doc: observeDeep on the cards map plus the
 * changed ids of each transaction, so updates cost O(changed columns), not O(board).
 */
export class BoardIndex {
  private base: BaseBoard;
  private readonly cleanup: Array<() => void> = [];

  /** `inPlace`: keep one `BaseBoard` and change it in place (see applyCardChangesInPlace). */
  constructor(
    private readonly doc: Y.Doc,
    private readonly onChange: (base: BaseBoard) => void,
    inPlace = false,
  ) {
    this.base = buildBase(doc);
    const cards = cardsMap(doc);
    const onCards = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
      const ids = changedCardIds(events, cards as unknown as Y.Map<unknown>);
      this.base = inPlace ? applyCardChangesInPlace(this.base, doc, ids) : applyCardChanges(this.base, doc, ids);
      this.onChange(this.base);
    };
    const onStages = () => {
      this.base = { ...this.base, stages: readStages(doc) };
      this.onChange(this.base);
    };
    const onMeta = () => {
      const meta = readMeta(doc);
      if (meta.name === this.base.name && meta.epoch === this.base.epoch) return;
      this.base = { ...this.base, name: meta.name, epoch: meta.epoch };
      this.onChange(this.base);
    };
    cards.observeDeep(onCards);
    stagesArray(doc).observe(onStages);
    metaMap(doc).observe(onMeta);
    this.cleanup.push(
      () => cards.unobserveDeep(onCards),
      () => stagesArray(this.doc).unobserve(onStages),
      () => metaMap(this.doc).unobserve(onMeta),
    );
  }

  get current(): BaseBoard {
    return this.base;
  }

  destroy(): void {
    for (const fn of this.cleanup) fn();
    this.cleanup.length = 0;
  }
}
