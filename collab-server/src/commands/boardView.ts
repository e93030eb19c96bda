import { compareByRank, normalizeSla, readStandup, type Actor, type Card, type SlaConfig, type StageConfig, type StandupState } from '@baton/shared-types';
import { patchCardFields, readCardMap, readSla, readStandupState, withStageDefaults, type BaseBoard, type BoardEffect } from '@baton/shared-types/ydoc';
import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import { boardIndexOf } from '../boards/liveIndex';
import type { BoardMember, DecisionContext } from './context';
import type { Preloaded } from './preload';

/**
 * The board as a batch of commands sees it: the document as it is, plus the effects of the
 * batch's earlier commands, which are decided and committed together but applied to the
 * document only after the commit (no client may see an uncommitted change). Reads the same
 * values `applyEffects` would leave in the document.
 */
export class BoardView {
  private readonly changed = new Map<string, Card>();
  private stagesOverride: StageConfig[] | null = null;
  private readonly settings = new Map<string, unknown>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly base: BaseBoard = boardIndexOf(doc).current,
  ) {}

  get stages(): readonly StageConfig[] {
    return this.stagesOverride ?? this.base.stages;
  }

  get sla(): SlaConfig {
    return this.settings.has('sla') ? normalizeSla(this.settings.get('sla')) : readSla(this.doc);
  }

  get standup(): StandupState | null {
    return this.settings.has('standup') ? readStandup(this.settings.get('standup')) : readStandupState(this.doc);
  }

  getCard(id: string): Card | null {
    return this.changed.get(id) ?? this.base.cards.get(id) ?? null;
  }

  /** The live (not archived) cards of a stage, in rank order. */
  column(stageId: string): readonly Card[] {
    const column = this.base.columns.get(stageId) ?? [];
    if (this.changed.size === 0) return column;
    const out = column.filter((c) => !this.changed.has(c.id));
    for (const card of this.changed.values()) if (card.stage === stageId && !card.archived) out.push(card);
    return out.sort(compareByRank);
  }

  /** Every card, archived ones included. */
  allCards(): Card[] {
    const out = [...this.base.cards.values()].filter((c) => !this.changed.has(c.id));
    out.push(...this.changed.values());
    return out;
  }

  /** The card as `applyEffects` will leave it, read back the way the document is read. */
  private patch(id: string, fields: Partial<Card>, create: boolean): void {
    const existing = this.getCard(id);
    if (!existing && !create) return;
    const card = readCardMap(id, patchCardFields(existing, fields).next);
    if (card) this.changed.set(id, card);
  }

  /** Records the effects of a command decided in this batch, for the commands after it. */
  apply(effects: readonly BoardEffect[]): void {
    for (const effect of effects) {
      switch (effect.op) {
        case 'putCard':
          this.patch(effect.card.id, effect.card, true);
          break;
        case 'setFields':
          this.patch(effect.cardId, effect.fields, false);
          break;
        case 'setStages':
          this.stagesOverride = effect.stages.map(withStageDefaults);
          break;
        case 'setSetting':
          this.settings.set(effect.key, effect.value);
          break;
        case 'setMeta':
          break;
      }
    }
  }
}

/** What one command of a batch sees: the batch's view of the board, who acts, when. */
export function decisionContext(view: BoardView, actor: Actor, now: number, members: ReadonlyMap<string, BoardMember>, extras: Preloaded): DecisionContext {
  return {
    actor,
    now,
    stages: view.stages,
    getCard: (id) => view.getCard(id),
    column: (stageId) => view.column(stageId),
    allCards: () => view.allCards(),
    // Read only by the few commands that need them (each is parsed from the document).
    get sla() {
      return view.sla;
    },
    get standup() {
      return view.standup;
    },
    members,
    getUpload: (id) => (extras.upload && extras.upload.id === id ? extras.upload : null),
    handoffDocs: extras.handoffDocs,
    newId: randomUUID,
  };
}
