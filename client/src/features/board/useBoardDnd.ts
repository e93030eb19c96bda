import type { Card, StageConfig } from '@baton/shared-types';
import {
  closestCenter,
  pointerWithin,
  rectIntersection,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { dropTarget, previewOver, settleDrop, stageOfColumnId, type ColumnIds, type MoveTarget } from './dropPosition';

export interface DragState {
  activeId: string;
  /** Column ids when the drag started. */
  original: ColumnIds;
  /** Column ids of the live preview (the card shown where it would land). */
  current: ColumnIds;
}

export function toColumnIds(columns: ReadonlyMap<string, readonly Card[]>, stages: readonly StageConfig[]): ColumnIds {
  const out: Record<string, string[]> = {};
  for (const s of stages) out[s.id] = (columns.get(s.id) ?? []).map((c) => c.id);
  return out;
}

interface BoardLike {
  stages: readonly StageConfig[];
  columns: ReadonlyMap<string, readonly Card[]>;
  cards: ReadonlyMap<string, Card>;
}

/**
 * Drag state lives here, in local React state: the preview moves the card between columns
 * while dragging; only the drop sends a command (one `moveCard`), and a drop where the
 * card started sends nothing.
 */
export function useBoardDnd(board: BoardLike, commit: (card: Card, target: MoveTarget) => void) {
  const [drag, setDrag] = useState<DragState | null>(null);
  const dragRef = useRef<DragState | null>(null);
  /** The last drag, kept after the drop for the screen-reader announcement of the drop. */
  const lastDragRef = useRef<DragState | null>(null);
  const boardRef = useRef(board);
  const lastOver = useRef<UniqueIdentifier | null>(null);
  const justMoved = useRef(false);

  useEffect(() => {
    boardRef.current = board;
  });

  // After the preview moves a card to another column, keep the last target for one frame so
  // the re-laid-out columns do not bounce the card back and forth.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      justMoved.current = false;
    });
    return () => cancelAnimationFrame(frame);
  }, [drag]);

  const update = (next: DragState | null) => {
    dragRef.current = next;
    if (next) lastDragRef.current = next;
    setDrag(next);
  };

  const collisionDetection: CollisionDetection = useCallback((args) => {
    if (justMoved.current && lastOver.current !== null) return [{ id: lastOver.current }];
    const columns = args.droppableContainers.filter((c) => stageOfColumnId(String(c.id)) !== null);
    // The pointer decides the column; for keyboard drags (no pointer) the dragged card's centre does.
    const centre = args.pointerCoordinates ?? {
      x: args.collisionRect.left + args.collisionRect.width / 2,
      y: args.collisionRect.top + args.collisionRect.height / 2,
    };
    const hit =
      pointerWithin({ ...args, pointerCoordinates: centre, droppableContainers: columns })[0] ??
      rectIntersection({ ...args, droppableContainers: columns })[0];
    if (!hit) return [];
    const stage = stageOfColumnId(String(hit.id));
    const cards = args.droppableContainers.filter((c) => c.data.current?.type === 'card' && c.data.current.stage === stage);
    const result = cards.length > 0 ? closestCenter({ ...args, droppableContainers: cards }) : [hit];
    lastOver.current = result[0]?.id ?? hit.id;
    return result;
  }, []);

  const onDragStart = useCallback(({ active }: DragStartEvent) => {
    const ids = toColumnIds(boardRef.current.columns, boardRef.current.stages);
    lastOver.current = null;
    update({ activeId: String(active.id), original: ids, current: ids });
  }, []);

  const onDragOver = useCallback(({ active, over }: DragOverEvent) => {
    const state = dragRef.current;
    if (!state || !over) return;
    const translated = active.rect.current.translated;
    const below = translated ? translated.top + translated.height / 2 > over.rect.top + over.rect.height / 2 : false;
    const next = previewOver(state.current, state.activeId, String(over.id), below);
    if (!next) return;
    justMoved.current = true;
    update({ ...state, current: next });
  }, []);

  const onDragEnd = useCallback(
    ({ over }: DragEndEvent) => {
      const state = dragRef.current;
      update(null);
      if (!state || !over) return;
      const final = settleDrop(state.current, state.activeId, String(over.id));
      const target = dropTarget(state.original, final, state.activeId);
      const card = boardRef.current.cards.get(state.activeId);
      if (target && card) commit(card, target);
    },
    [commit],
  );

  const onDragCancel = useCallback(() => update(null), []);

  /** Columns to render: the board's, with the drag preview applied to the touched columns. */
  const columns = useMemo(() => {
    if (!drag) return board.columns;
    const out = new Map(board.columns);
    for (const stage of board.stages) {
      const ids = drag.current[stage.id];
      if (!ids || ids === drag.original[stage.id]) continue;
      out.set(
        stage.id,
        ids.map((id) => board.cards.get(id)).filter((c): c is Card => c !== undefined && !c.archived),
      );
    }
    return out;
  }, [drag, board]);

  return { drag, lastDragRef, columns, collisionDetection, onDragStart, onDragOver, onDragEnd, onDragCancel };
}
