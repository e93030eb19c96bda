import { cardHealth, openForNextStage, type Card } from '@baton/shared-types';
import { useSortable } from '@dnd-kit/sortable';
import { memo, useId, useMemo } from 'react';
import { healthChip, healthSpoken } from '../health/healthText';
import { useBoard } from './BoardContext';
import { CardFace } from './CardFace';
import { MoveMenu } from './MoveMenu';

interface Props {
  card: Card;
  pending: boolean;
  /** The column the card is rendered in (differs from card.stage while a drag preview moves it). */
  columnStage: string;
}

/** A card in a column: draggable (when the user may move it), opens on click or Enter. */
export const SortableCard = memo(function SortableCard({ card, pending, columnStage }: Props) {
  const board = useBoard();
  const { t } = board;
  const reasonId = useId();
  const todoId = useId();
  // A column's cards re-render whenever its card list changes (dnd-kit's sortable context);
  // what a card shows only changes with the card itself, the board context or the language.
  const { refusal, hasTodo, health, label } = useMemo(() => {
    const health = cardHealth(card, board.sla, board.now);
    const spokenHealth = healthSpoken(health, healthChip(health, board.now, t), t);
    return {
      refusal: board.moveRefusal(card),
      hasTodo: openForNextStage(board.stages, card).length > 0,
      health,
      label: t('card.a11yLabel', { title: card.title, customer: card.customer, owner: board.members.get(card.ownerId)?.displayName ?? card.ownerId }) + spokenHealth,
    };
  }, [card, board, t]);
  const body = useMemo(
    () => (
      <>
        {refusal ? (
          <span id={reasonId} className="card-reason" role="tooltip">
            {t('card.cannotMove', { reason: refusal })}
          </span>
        ) : null}
        <CardFace card={card} pending={pending} refusal={refusal} todoId={todoId} actions={<MoveMenu card={card} refusal={refusal} />} />
      </>
    ),
    [card, pending, refusal, reasonId, todoId, t],
  );
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, isDragging } = useSortable({
    id: card.id,
    // Cards make room for the dragged one at once rather than sliding: a sliding card is
    // re-composited on every frame of its 200 ms slide, and a column crossing slides a dozen.
    transition: null,
    data: { type: 'card', stage: columnStage, title: card.title },
    disabled: { draggable: refusal !== null, droppable: false },
  });

  return (
    <div
      ref={(node) => {
        setNodeRef(node);
        setActivatorNodeRef(node);
      }}
      {...attributes}
      {...listeners}
      // A card the user may not move is still a working card (it opens, its menu explains why).
      aria-disabled={undefined}
      aria-roledescription={refusal ? undefined : attributes['aria-roledescription']}
      className={['card', isDragging ? 'is-dragging' : '', pending ? 'is-pending' : '', refusal ? 'is-locked' : ''].join(' ')}
      style={{ transform: translate2d(transform), ['--stage-color' as string]: stageColor(board, card.stage) }}
      data-testid={`card-${card.id}`}
      data-card-title={card.title}
      data-stage={card.stage}
      data-pending={pending ? 'true' : undefined}
      aria-label={label}
      data-stuck={health.stuck ? 'true' : undefined}
      data-sla={health.state}
      aria-describedby={[attributes['aria-describedby'], refusal ? reasonId : null, hasTodo ? todoId : null].filter(Boolean).join(' ')}
      title={refusal ? t('card.cannotMove', { reason: refusal }) : undefined}
      onClick={() => board.openCard(card.id)}
      onKeyDown={(e) => {
        listeners?.onKeyDown?.(e);
        if (e.key === 'Enter' && e.target === e.currentTarget && !isDragging && !e.defaultPrevented) {
          e.preventDefault();
          board.openCard(card.id);
        }
      }}
    >
      {body}
    </div>
  );
});

function stageColor(board: ReturnType<typeof useBoard>, stage: string): string {
  return board.stages.find((s) => s.id === stage)?.color ?? '#94a3b8';
}

/**
 * Where a card shifts while another is dragged past it: a 2D translate, which does not make
 * every shifted card a compositing layer of its own the way dnd-kit's translate3d does (in
 * software rendering, sorting out those layers took longer than a frame during a drag).
 */
function translate2d(transform: { x: number; y: number } | null): string | undefined {
  if (!transform) return undefined;
  const x = Math.round(transform.x);
  const y = Math.round(transform.y);
  // A card that does not move gets no transform at all: each transformed element is one more
  // piece the compositor sorts out on every frame of the drag.
  return x === 0 && y === 0 ? undefined : `translate(${x}px, ${y}px)`;
}
