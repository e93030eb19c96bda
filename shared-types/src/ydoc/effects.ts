import type * as Y from 'yjs';
import type { Card } from '../model/card';
import type { StageConfig } from '../model/stages';
import { cardFields, cardsMap, encodeCardValue, isCurrentCardValue, metaMap, settingsMap, stagesArray } from './boardDoc';

/**
 * The effect of an accepted command on the board document, as data. The server commits
 * the effect before it becomes visible, and re-applies committed effects that a loaded
 * document lacks (e.g. after a crash between commit and persisting the Yjs update).
 * Effects are absolute (they set values), so applying the same suffix twice is harmless.
 */
export type BoardEffect =
  | { op: 'putCard'; card: Card }
  | { op: 'setFields'; cardId: string; fields: Partial<Card> }
  | { op: 'setStages'; stages: StageConfig[] }
  | { op: 'setMeta'; fields: Record<string, string | number> }
  | { op: 'setSetting'; key: string; value: unknown };

function setFields(map: Y.Map<unknown>, fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (map.get(key) !== value) map.set(key, value);
  }
}

const same = (a: unknown, b: unknown): boolean => a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));

/**
 * A card's fields after a `putCard` / `setFields` patch (fields set to `undefined` are left
 * alone), and whether anything changed. The one rule for what an effect does to a card, used
 * on the document and on views that predict it (the server's BoardView).
 */
export function patchCardFields(current: Record<string, unknown> | null, patch: Record<string, unknown>): { next: Record<string, unknown>; changed: boolean } {
  const next: Record<string, unknown> = { ...(current ?? {}) };
  let changed = current === null;
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || same(next[key], value)) continue;
    next[key] = value;
    changed = true;
  }
  return { next, changed };
}

/**
 * Writes a card as one UTF-8 JSON value stamped with `seq` (and the command's id), only if a
 * field changes (an unchanged write would still grow the document); true when it wrote.
 */
function writeCard(cards: Y.Map<unknown>, id: string, patch: Record<string, unknown>, create: boolean, seq: number, commandId: string | undefined): boolean {
  const stored = cards.get(id);
  const current = cardFields(stored);
  if (!current && !create) return false;
  const { next, changed } = patchCardFields(current, patch);
  // A card still stored an older way (a Y.Map, a plain object, a JSON string) is rewritten as bytes.
  if (!changed && isCurrentCardValue(stored)) return false;
  cards.set(id, encodeCardValue(next, seq, commandId));
  return true;
}

/**
 * Applies effects in one transaction and records `seq` as the last applied command (see
 * stamps.ts). `commandIds[i]` names the command of `effects[i]`; a card it writes carries
 * that id. Returns the ids that some card carries once the transaction is done (a card
 * written by two commands of one batch carries the later one).
 */
export function applyEffects(doc: Y.Doc, effects: readonly BoardEffect[], seq: number, origin?: unknown, commandIds: readonly string[] = []): Set<string> {
  const carriedBy = new Map<string, string>();
  doc.transact(() => {
    const cards = cardsMap(doc);
    let stamped = false;
    const write = (id: string, patch: Record<string, unknown>, create: boolean, commandId: string | undefined) => {
      if (!writeCard(cards, id, patch, create, seq, commandId)) return;
      stamped = true;
      if (commandId) carriedBy.set(id, commandId);
      else carriedBy.delete(id);
    };
    effects.forEach((effect, i) => {
      switch (effect.op) {
        case 'putCard':
          write(effect.card.id, effect.card, true, commandIds[i]);
          break;
        case 'setFields':
          write(effect.cardId, effect.fields, false, commandIds[i]);
          break;
        case 'setStages': {
          const arr = stagesArray(doc);
          arr.delete(0, arr.length);
          arr.push(effect.stages);
          break;
        }
        case 'setMeta':
          setFields(metaMap(doc), effect.fields);
          break;
        case 'setSetting':
          settingsMap(doc).set(effect.key, effect.value);
          break;
      }
    });
    if (seq > 0 && !stamped) metaMap(doc).set('appliedSeq', seq);
  }, origin);
  return new Set(carriedBy.values());
}
