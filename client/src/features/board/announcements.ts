import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';
import type { TFunction } from 'i18next';
import type { RefObject } from 'react';
import { findStage, settleDrop, type ColumnIds } from './dropPosition';
import type { DragState } from './useBoardDnd';

function place(columns: ColumnIds, cardId: string, overId: string) {
  const stage = findStage(columns, overId) ?? findStage(columns, cardId);
  const ids = stage ? (columns[stage] ?? []) : [];
  const index = ids.indexOf(overId) >= 0 ? ids.indexOf(overId) : ids.indexOf(cardId);
  return { stage, position: Math.max(0, index) + 1, total: Math.max(ids.length, 1) };
}

/** Localised screen-reader announcements naming the card and the columns. */
export function boardAnnouncements(
  t: TFunction,
  stageLabel: (id: string) => string,
  drag: RefObject<DragState | null>,
): { announcements: Announcements; screenReaderInstructions: ScreenReaderInstructions } {
  const titleOf = (data: Record<string, unknown> | undefined) => String(data?.title ?? '');
  return {
    screenReaderInstructions: { draggable: t('dnd.instructions') },
    announcements: {
      onDragStart({ active }) {
        const id = String(active.id);
        const columns = drag.current?.original;
        const p = columns ? place(columns, id, id) : null;
        return t('dnd.pickedUp', { title: titleOf(active.data.current), stage: p?.stage ? stageLabel(p.stage) : '', position: p?.position ?? 1, total: p?.total ?? 1 });
      },
      onDragOver({ active, over }) {
        const title = titleOf(active.data.current);
        const columns = drag.current?.current;
        if (!over || !columns) return t('dnd.overNothing', { title });
        const p = place(columns, String(active.id), String(over.id));
        return t('dnd.over', { title, stage: p.stage ? stageLabel(p.stage) : '', position: p.position, total: p.total });
      },
      onDragEnd({ active, over }) {
        const title = titleOf(active.data.current);
        const state = drag.current;
        if (!over || !state) return t('dnd.cancelled', { title, stage: stageLabel(String(active.data.current?.stage ?? '')) });
        const final = settleDrop(state.current, state.activeId, String(over.id));
        const p = place(final, state.activeId, state.activeId);
        const from = place(state.original, state.activeId, state.activeId);
        if (p.stage === from.stage && p.position === from.position) return t('dnd.droppedSame', { title });
        return t('dnd.dropped', { title, stage: p.stage ? stageLabel(p.stage) : '', position: p.position, total: p.total });
      },
      onDragCancel({ active }) {
        const state = drag.current;
        const stage = state ? findStage(state.original, state.activeId) : null;
        return t('dnd.cancelled', { title: titleOf(active.data.current), stage: stage ? stageLabel(stage) : '' });
      },
    },
  };
}
