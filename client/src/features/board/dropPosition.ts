/**
 * Pure drag-and-drop bookkeeping: which column holds which card ids while a drag is
 * previewed, and which neighbours a drop position means for the `moveCard` command.
 */
export type ColumnIds = Readonly<Record<string, readonly string[]>>;

export interface MoveTarget {
  toStage: string;
  /** The card directly above the drop position; null at the top of the column. */
  afterCardId: string | null;
  /** The card directly below the drop position; null at the end of the column. */
  beforeCardId: string | null;
}

const COLUMN_PREFIX = 'column:';
export const columnDroppableId = (stage: string) => `${COLUMN_PREFIX}${stage}`;
export const stageOfColumnId = (id: string): string | null => (id.startsWith(COLUMN_PREFIX) ? id.slice(COLUMN_PREFIX.length) : null);

/** The stage holding `id`, where `id` is a card id or a column droppable id. */
export function findStage(columns: ColumnIds, id: string): string | null {
  const stage = stageOfColumnId(id);
  if (stage !== null) return stage in columns ? stage : null;
  for (const [s, ids] of Object.entries(columns)) if (ids.includes(id)) return s;
  return null;
}

/** The neighbours of `cardId` in its column. */
export function neighboursOf(ids: readonly string[], cardId: string): { afterCardId: string | null; beforeCardId: string | null } {
  const i = ids.indexOf(cardId);
  return { afterCardId: i > 0 ? (ids[i - 1] ?? null) : null, beforeCardId: i >= 0 ? (ids[i + 1] ?? null) : null };
}

/** Moves `cardId` to `toStage` at `index` (counted without the card); copies only the touched columns. */
export function moveId(columns: ColumnIds, cardId: string, toStage: string, index: number): ColumnIds {
  const from = findStage(columns, cardId);
  if (from === null || !(toStage in columns)) return columns;
  const source = (columns[from] ?? []).filter((id) => id !== cardId);
  const target = from === toStage ? source : [...(columns[toStage] ?? [])];
  const at = Math.max(0, Math.min(index, target.length));
  target.splice(at, 0, cardId);
  return { ...columns, [from]: from === toStage ? target : source, [toStage]: target };
}

/**
 * Preview while dragging over another column: the card joins that column above the card
 * it is over (below it when the dragged card's top is past the over card's middle), or at
 * the end when it is over the column itself. Returns null when nothing changes.
 */
export function previewOver(columns: ColumnIds, activeId: string, overId: string, belowOver: boolean): ColumnIds | null {
  const from = findStage(columns, activeId);
  const to = findStage(columns, overId);
  if (from === null || to === null || from === to) return null;
  const target = columns[to] ?? [];
  const overIndex = target.indexOf(overId);
  const index = overIndex < 0 ? target.length : overIndex + (belowOver ? 1 : 0);
  return moveId(columns, activeId, to, index);
}

/** Final order on drop: within the card's current column it takes the place of the card it is over. */
export function settleDrop(columns: ColumnIds, activeId: string, overId: string | null): ColumnIds {
  if (overId === null || overId === activeId) return columns;
  const stage = findStage(columns, activeId);
  if (stage === null || findStage(columns, overId) !== stage || stageOfColumnId(overId) !== null) return columns;
  const ids = columns[stage] ?? [];
  return moveId(columns, activeId, stage, ids.indexOf(overId));
}

/** The move a drop means, or null when the card ends where it started (nothing to send). */
export function dropTarget(original: ColumnIds, final: ColumnIds, cardId: string): MoveTarget | null {
  const fromStage = findStage(original, cardId);
  const toStage = findStage(final, cardId);
  if (fromStage === null || toStage === null) return null;
  const before = neighboursOf(original[fromStage] ?? [], cardId);
  const after = neighboursOf(final[toStage] ?? [], cardId);
  if (fromStage === toStage && before.afterCardId === after.afterCardId && before.beforeCardId === after.beforeCardId) return null;
  return { toStage, ...after };
}

/** "Move up" / "Move down" / "Move to <column>" (top) from the Move to… menu. */
export function menuTarget(columns: ColumnIds, cardId: string, action: 'up' | 'down' | { toStage: string }): MoveTarget | null {
  const stage = findStage(columns, cardId);
  if (stage === null) return null;
  const ids = columns[stage] ?? [];
  const i = ids.indexOf(cardId);
  if (action === 'up') {
    if (i <= 0) return null;
    return { toStage: stage, afterCardId: ids[i - 2] ?? null, beforeCardId: ids[i - 1] ?? null };
  }
  if (action === 'down') {
    if (i < 0 || i >= ids.length - 1) return null;
    return { toStage: stage, afterCardId: ids[i + 1] ?? null, beforeCardId: ids[i + 2] ?? null };
  }
  if (action.toStage === stage || !(action.toStage in columns)) return null;
  return { toStage: action.toStage, afterCardId: null, beforeCardId: columns[action.toStage]?.[0] ?? null };
}
