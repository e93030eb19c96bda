import type { Card, SlaConfig, StageConfig } from '@baton/shared-types';
import type { TFunction } from 'i18next';
import { createContext, useContext } from 'react';
import type { BoardMember, SessionUser } from '../../api/types';
import type { Language } from '../../i18n';
import type { HealthFilter } from '../health/health';
import type { MoveTarget } from './dropPosition';
import type { MoveVerdict } from './moveRules';
import type { Actor } from './permissions';

export interface ColumnHandle {
  /** Scrolls the column so the card at `index` is visible. */
  scrollToIndex(index: number): void;
}

/** Things every card and column needs, stable across board updates (so cards stay memoised). */
export interface BoardContextValue {
  boardId: string;
  me: SessionUser;
  actor: Actor | null;
  members: ReadonlyMap<string, BoardMember>;
  /** The columns: active stages, in order. */
  stages: readonly StageConfig[];
  /** Every stage the board knows, retired ones included (for labels in history). */
  allStages: readonly StageConfig[];
  language: Language;
  /**
   * The board page's translate function. Cards use it instead of calling `useTranslation()`
   * themselves: every call of that hook builds its own wrapper, four per card on first render.
   */
  t: TFunction;
  locale: string;
  mainCurrency: string;
  /** Server-corrected current time (refreshed every minute, and at once when the server's clock jumps). */
  now: number;
  /** The board's SLA thresholds (card health). */
  sla: SlaConfig;
  /** Which deals the board shows: all, only stuck, only breached. */
  healthFilter: HealthFilter;
  stageLabel(id: string): string;
  /** Why the user may not move this card (localised), or null. */
  moveRefusal(card: Card): string | null;
  /** What the stage rules say about moving `card` to `toStage` (gates, backward reason, WIP). */
  moveVerdict(card: Card, toStage: string): MoveVerdict;
  openCard(cardId: string): void;
  /** Moves from the Move to… menu: checks the rules, may ask for a reason, then reveals the card. */
  moveCard(card: Card, target: MoveTarget): void;
  /** The current ids of a column, overlay included (read at call time, not render time). */
  columnIds(): Record<string, string[]>;
  registerColumn(stage: string, handle: ColumnHandle | null): void;
  /** Scrolls to a card and focuses it (after a move from the menu, or a create). */
  revealCard(cardId: string): void;
}

export const BoardContext = createContext<BoardContextValue | null>(null);

export function useBoard(): BoardContextValue {
  const value = useContext(BoardContext);
  if (!value) throw new Error('useBoard must be used inside the board page');
  return value;
}
