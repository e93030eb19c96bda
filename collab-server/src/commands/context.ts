import type { AttachmentRecord, EventRecord } from '@baton/persistence';
import { ok, refuse, type Actor, type Card, type Result, type Role, type SlaConfig, type StageConfig, type StandupState } from '@baton/shared-types';
import type { BoardEffect, PlanSection } from '@baton/shared-types/ydoc';

export interface BoardMember {
  role: Role;
  region: string;
  displayName: string;
}

/** What a command sees: who acts, when, and the board as it is now. */
export interface DecisionContext {
  actor: Actor;
  now: number;
  stages: readonly StageConfig[];
  getCard(id: string): Card | null;
  /** The live (not archived) cards of a stage, in rank order. */
  column(stageId: string): readonly Card[];
  /** Every card, archived ones included. */
  allCards(): Card[];
  sla: SlaConfig;
  standup: StandupState | null;
  members: ReadonlyMap<string, BoardMember>;
  /** An uploaded file (only loaded for `attachFile`). */
  getUpload(id: string): AttachmentRecord | null;
  /** What the card's documents hold (only loaded for the handoff commands that need it). */
  handoffDocs: { requirements: number | null; planMissing: PlanSection[] | null };
  newId(): string;
}

export type DecisionEvent = Pick<EventRecord, 'cardId' | 'type' | 'data'>;

/** The accepted effect of a command, computed before anything is written. */
export interface Decision {
  effects: BoardEffect[];
  events: DecisionEvent[];
  result?: Record<string, unknown>;
  /** Work on other documents once the effect is applied (e.g. write the pack template). */
  followUps?: FollowUp[];
}

export type FollowUp = { kind: 'handoffTemplates'; cardId: string };


export function existingCard(ctx: DecisionContext, cardId: string): Result<Card> {
  const card = ctx.getCard(cardId);
  return card ? ok(card) : refuse('not_found', 'This card does not exist on this board');
}
