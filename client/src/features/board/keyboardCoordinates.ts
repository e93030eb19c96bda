import { KeyboardCode, type KeyboardCoordinateGetter } from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { stageOfColumnId } from './dropPosition';

/**
 * Arrow keys while a card is picked up: Left/Right go to the neighbouring column (keeping the
 * height, clamped into the column), Up/Down move within the column (dnd-kit's sortable rule).
 */
export const boardKeyboardCoordinates: KeyboardCoordinateGetter = (event, args) => {
  if (event.code !== KeyboardCode.Left && event.code !== KeyboardCode.Right) return sortableKeyboardCoordinates(event, args);
  event.preventDefault();
  const { active, collisionRect, droppableRects, droppableContainers } = args.context;
  if (!active || !collisionRect) return undefined;
  const columns = droppableContainers
    .getEnabled()
    .filter((c) => stageOfColumnId(String(c.id)) !== null)
    .map((c) => droppableRects.get(c.id))
    .filter((r): r is NonNullable<typeof r> => r !== undefined)
    .sort((a, b) => a.left - b.left);
  const centerX = collisionRect.left + collisionRect.width / 2;
  let current = columns.findIndex((r) => centerX >= r.left && centerX <= r.right);
  if (current < 0) {
    // Between two columns: the nearest one counts as the current column.
    current = columns.reduce((best, r, i) => (Math.abs(r.left + r.width / 2 - centerX) < Math.abs((columns[best]?.left ?? 0) + (columns[best]?.width ?? 0) / 2 - centerX) ? i : best), 0);
  }
  const next = columns[current + (event.code === KeyboardCode.Right ? 1 : -1)];
  if (!next) return undefined;
  const y = Math.max(next.top, Math.min(collisionRect.top, next.bottom - collisionRect.height));
  return { x: next.left + (next.width - collisionRect.width) / 2, y };
};
