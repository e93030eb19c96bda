import type { Card, StageConfig } from '@baton/shared-types';
import { DndContext, DragOverlay, MeasuringStrategy } from '@dnd-kit/core';
import { useMemo } from 'react';
import { findStage } from './dropPosition';
import { moveHint } from './moveHints';
import { useTranslation } from 'react-i18next';
import type { BoardView } from '../../sync/hooks';
import { boardAnnouncements } from './announcements';
import { useBoard } from './BoardContext';
import { CardFace } from './CardFace';
import { Column } from './Column';
import type { MoveTarget } from './dropPosition';
import { useBoardSensors } from './sensors';
import { useBoardDnd } from './useBoardDnd';

const NO_CARDS: readonly Card[] = [];
const MEASURING = { droppable: { strategy: MeasuringStrategy.WhileDragging } };

/** The columns and the drag-and-drop around them (mouse, touch and keyboard). */
interface Props {
  /** The board as shown (a health filter may have removed cards from its columns). */
  view: BoardView;
  /** Every live deal per column, when `view` is filtered. */
  allColumns?: ReadonlyMap<string, readonly Card[]> | undefined;
  stages: readonly StageConfig[];
  commit(card: Card, target: MoveTarget): void;
}

export function BoardColumns({ view, allColumns, stages, commit }: Props) {
  const { t } = useTranslation();
  const board = useBoard();
  const sensors = useBoardSensors();
  const dnd = useBoardDnd({ stages, columns: view.columns, cards: view.cards }, commit);
  const { lastDragRef } = dnd;
  const accessibility = useMemo(() => boardAnnouncements(t, board.stageLabel, lastDragRef), [t, board.stageLabel, lastDragRef]);
  const activeCard = dnd.drag ? view.cards.get(dnd.drag.activeId) : undefined;
  const activeId = dnd.drag?.activeId ?? null;

  // While a card is over another column, say whether it may enter (WIP) or what the move will ask for.
  const dropHint = useMemo(() => {
    if (!dnd.drag || !activeCard) return null;
    const stage = findStage(dnd.drag.current, dnd.drag.activeId);
    if (stage === null || stage === findStage(dnd.drag.original, dnd.drag.activeId)) return null;
    const hint = moveHint(board.moveVerdict(activeCard, stage), stage, t, board.language, board.stageLabel);
    return hint ? { stage, ...hint } : null;
  }, [dnd.drag, activeCard, board, t]);

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={dnd.collisionDetection}
      measuring={MEASURING}
      accessibility={accessibility}
      onDragStart={dnd.onDragStart}
      onDragOver={dnd.onDragOver}
      onDragEnd={dnd.onDragEnd}
      onDragCancel={dnd.onDragCancel}
    >
      <div className="board-columns">
        {stages.map((stage) => (
          <Column
            key={stage.id}
            stage={stage}
            cards={dnd.columns.get(stage.id) ?? NO_CARDS}
            allCards={allColumns ? (allColumns.get(stage.id) ?? NO_CARDS) : undefined}
            pending={view.pending}
            activeId={activeId}
            dropHint={dropHint?.stage === stage.id ? dropHint : null}
          />
        ))}
      </div>
      <DragOverlay dropAnimation={{ duration: 160, easing: 'cubic-bezier(0.2, 0, 0, 1)' }}>
        {activeCard ? (
          <div className="card card-overlay" style={{ ['--stage-color' as string]: board.stages.find((s) => s.id === activeCard.stage)?.color }}>
            <CardFace card={activeCard} pending={view.pending.has(activeCard.id)} refusal={null} />
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}
