import { requirementLabel, type Card, type StageConfig } from '@baton/shared-types';
import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ColumnHeader } from '../../ui/ColumnHeader';
import { useBoard } from './BoardContext';
import { columnDroppableId } from './dropPosition';
import { columnTotals, formatTotals } from './format';
import { SortableCard } from './SortableCard';

interface Props {
  stage: StageConfig;
  cards: readonly Card[];
  /** Every live deal of the column when a health filter hides some (for the count, total and WIP). */
  allCards?: readonly Card[] | undefined;
  pending: ReadonlySet<string>;
  /** The card being dragged, kept rendered even when scrolled out of view. */
  activeId: string | null;
  /** While a card hovers this column: why it may not enter, or that it will ask for a reason. */
  dropHint: { tone: 'info' | 'blocked'; text: string } | null;
}

/** A card's usual height (one-line title, no badges): a measured card of that height moves nothing. */
const CARD_ESTIMATE = 128;
/**
 * Until the column is measured, assume it is as tall as the window: the first render then
 * already holds the visible cards, instead of rendering the column empty and again once measured.
 */
const initialRect = () => ({ width: 292, height: typeof window === 'undefined' ? 0 : window.innerHeight });
const GAP = 8;

/** One stage: header with count and total, and a virtualised list of cards. */
export const Column = memo(function Column({ stage, cards, allCards = cards, pending, activeId, dropHint }: Props) {
  const { t } = useTranslation();
  const board = useBoard();
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const { setNodeRef, isOver } = useDroppable({ id: columnDroppableId(stage.id), data: { type: 'column', stage: stage.id } });
  const ids = useMemo((): string[] => cards.map((c) => c.id), [cards]);
  const activeIndex = activeId ? ids.indexOf(activeId) : -1;

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex >= 0 && !indexes.includes(activeIndex)) indexes.push(activeIndex);
      return indexes.sort((a, b) => a - b);
    },
    [activeIndex],
  );

  const virtualizer = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_ESTIMATE,
    getItemKey: (index) => ids[index] ?? index,
    overscan: 6,
    gap: GAP,
    paddingStart: 2,
    paddingEnd: 12,
    rangeExtractor,
    initialRect: initialRect(),
  });

  const { registerColumn } = board;
  useEffect(() => {
    registerColumn(stage.id, { scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }) });
    return () => registerColumn(stage.id, null);
  }, [registerColumn, stage.id, virtualizer]);

  const label = board.stageLabel(stage.id);
  const total = formatTotals(columnTotals(allCards, board.mainCurrency), board.locale);
  const wipText = stage.wipLimit === null ? undefined : t('gate.wipCount', { count: allCards.length, limit: stage.wipLimit });
  const filter = board.healthFilter;
  const shown = filter === 'all' || cards.length === 0 ? undefined : { label: t(`healthFilter.shown.${filter}`, { count: cards.length }), tone: filter };
  const gate =
    stage.requirements.length > 0
      ? {
          label: t('gate.columnLabel', { stage: label }),
          title: t('gate.columnTip', { stage: label }),
          items: stage.requirements.map((r) => requirementLabel(r, stage)[board.language]),
          footer: wipText,
        }
      : undefined;
  const wip = stage.wipLimit === null ? undefined : { limit: stage.wipLimit, full: allCards.length >= stage.wipLimit, label: wipText ?? '' };

  return (
    <section className={`column ${isOver ? 'is-over' : ''} ${dropHint?.tone === 'blocked' ? 'is-blocked' : ''}`} aria-labelledby={`column-title-${stage.id}`} style={{ ['--stage-color' as string]: stage.color }}>
      <ColumnHeader
        id={stage.id}
        label={label}
        color={stage.color}
        count={allCards.length}
        countLabel={t('board.cards', { count: allCards.length })}
        total={total}
        gate={gate}
        wip={wip}
        shown={shown}
      />
      {dropHint ? (
        <div className={`column-drop-hint tone-${dropHint.tone}`} role="status" data-testid={`drop-hint-${stage.id}`}>
          {dropHint.text}
        </div>
      ) : null}
      <div
        ref={(node) => {
          scrollRef.current = node;
          setNodeRef(node);
        }}
        className="column-scroll"
        data-testid={`column-${stage.id}`}
        data-count={cards.length}
        aria-label={t('board.columnLabel', { stage: label, count: cards.length, total })}
        role="region"
      >
        <SortableContext id={stage.id} items={ids} strategy={verticalListSortingStrategy}>
          <div className="column-inner" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const card = cards[item.index];
              if (!card) return null;
              return (
                <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="column-slot" style={{ top: item.start }}>
                  <SortableCard card={card} pending={pending.has(card.id)} columnStage={stage.id} />
                </div>
              );
            })}
          </div>
        </SortableContext>
        {cards.length === 0 ? (
          <div className="column-empty">{isOver ? t('board.emptyColumnDrop') : filter !== 'all' && allCards.length > 0 ? t(`healthFilter.columnEmpty.${filter}`) : t('board.emptyColumn')}</div>
        ) : null}
      </div>
    </section>
  );
});
