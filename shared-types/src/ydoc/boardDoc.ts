import * as Y from 'yjs';
import { decodeUtf8, encodeUtf8 } from 'lib0/string';
import { CARD_FIELD_NAMES, type Card } from '../model/card';
import type { BoardId, CardId } from '../model/ids';
import { DEFAULT_STAGES, type StageConfig } from '../model/stages';
import { readStandup, type StandupState } from '../model/standup';
import { normalizeSla, type SlaConfig } from '../rules/sla';

/**
 * Layout of the `board:<id>` document. Only the server writes it (through commands);
 * every client reads it.
 *
 *   meta:   Y.Map   { boardId, name, epoch, appliedSeq (see stamps.ts) }
 *   stages: Y.Array<StageConfig>   ordered column configuration (plain JSON values)
 *   cards:  Y.Map<Uint8Array>      cardId -> the card's fields as one UTF-8 JSON value (see CARD_FIELDS)
 *
 * A card is one value, not a nested Y.Map: the server is the only writer, so per-field
 * merging buys nothing, and one item per card instead of one per field makes the document
 * about half the size and many times faster to load, encode and sync. The value is JSON
 * in UTF-8 bytes rather than a plain object because Yjs encodes and decodes an object field
 * by field in JavaScript, and a string byte by byte, while bytes are copied in one piece: a
 * 10,000-card board decodes 3-5x faster and encodes 4x faster than with objects, and 2-4x
 * faster than with JSON strings, in about the same memory. Documents written before hold a
 * JSON string, a plain object or a Y.Map per card; those are still read, and rewritten as
 * bytes the next time the card changes.
 */
export const BOARD_ROOTS = { meta: 'meta', stages: 'stages', cards: 'cards', settings: 'settings' } as const;

export interface BoardMeta {
  boardId: BoardId | null;
  name: string;
  /** Changes only when the document's history is reset; a cache with another epoch is discarded. */
  epoch: string | null;
}

export const metaMap = (doc: Y.Doc) => doc.getMap<unknown>(BOARD_ROOTS.meta);
export const stagesArray = (doc: Y.Doc) => doc.getArray<StageConfig>(BOARD_ROOTS.stages);
export const cardsMap = (doc: Y.Doc) => doc.getMap<unknown>(BOARD_ROOTS.cards);
/** Board settings as plain values: `sla` (SlaConfig), `standup` (StandupState). */
export const settingsMap = (doc: Y.Doc) => doc.getMap<unknown>(BOARD_ROOTS.settings);

export function readMeta(doc: Y.Doc): BoardMeta {
  const m = metaMap(doc);
  return {
    boardId: (m.get('boardId') as BoardId | undefined) ?? null,
    name: (m.get('name') as string | undefined) ?? '',
    epoch: (m.get('epoch') as string | undefined) ?? null,
  };
}

/** The board's stages; the default pipeline until the document says otherwise. */
export function readStages(doc: Y.Doc): StageConfig[] {
  const arr = stagesArray(doc);
  if (arr.length === 0) return [...DEFAULT_STAGES];
  return arr.toArray().map((s) => withStageDefaults(s as Partial<StageConfig>));
}

const STAGE_DEFAULTS: Omit<StageConfig, 'id' | 'label' | 'color'> = { requirements: [], wipLimit: null, approverRole: null, customFields: [], retired: false };

/** A stored stage with the fields older documents lack filled in. */
export function withStageDefaults(stage: Partial<StageConfig>): StageConfig {
  return { ...STAGE_DEFAULTS, ...stage } as StageConfig;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A JSON object as text or UTF-8 bytes; null for anything else, malformed included. */
function parseRecord(json: string | Uint8Array): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(typeof json === 'string' ? json : decodeUtf8(json));
    return isRecord(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** The stored fields of a card entry (UTF-8 JSON; a JSON string, a plain object or a Y.Map in older documents). */
export function cardFields(value: unknown): Record<string, unknown> | null {
  if (value instanceof Uint8Array || typeof value === 'string') return parseRecord(value);
  if (value instanceof Y.Map) return value.toJSON() as Record<string, unknown>;
  return isRecord(value) ? value : null;
}

/**
 * How a card's fields are stored in the `cards` map (see the layout above): first the sequence
 * number of the command batch that wrote them (see stamps.ts), then the id of the command
 * that wrote them (`_cmd`: its sender sees its command applied in the change itself, see
 * docs/protocol.md), then the fields.
 */
export function encodeCardValue(fields: Record<string, unknown>, seq = 0, commandId?: string): Uint8Array {
  const { _seq: _previousSeq, _cmd: _previousCommand, ...rest } = fields;
  const stamps: Record<string, unknown> = {};
  if (seq > 0) stamps._seq = seq;
  if (commandId) stamps._cmd = commandId;
  return encodeUtf8(JSON.stringify({ ...stamps, ...rest }));
}

/** Whether a card entry is stored the current way (see the layout above). */
export const isCurrentCardValue = (value: unknown): boolean => value instanceof Uint8Array;

/** Reads one card; null when the entry is not a complete card (never trust a cache blindly). */
export function readCardMap(id: string, value: unknown): Card | null {
  const fields = cardFields(value);
  if (!fields) return null;
  const card: Record<string, unknown> = {};
  for (const name of CARD_FIELD_NAMES) card[name] = fields[name];
  card.id = id;
  card.customFields ??= {};
  card.attachments ??= [];
  card.handoff ??= null;
  card.standupNotes ??= null;
  if (typeof card.stage !== 'string' || typeof card.rank !== 'string' || typeof card.ownerId !== 'string') return null;
  return card as Card;
}

export function readCard(doc: Y.Doc, id: CardId | string): Card | null {
  return readCardMap(id, cardsMap(doc).get(id));
}

export function readCards(doc: Y.Doc): Card[] {
  const out: Card[] = [];
  cardsMap(doc).forEach((map, id) => {
    const card = readCardMap(id, map);
    if (card) out.push(card);
  });
  return out;
}

/** Ids of cards touched by a batch of deep events on the `cards` map. */
export function changedCardIds(events: ReadonlyArray<Y.YEvent<Y.AbstractType<unknown>>>, cards: Y.Map<unknown>): Set<string> {
  const ids = new Set<string>();
  for (const event of events) {
    if (event.target === cards) {
      for (const key of event.changes.keys.keys()) ids.add(key);
    } else {
      const id = event.path[0];
      if (typeof id === 'string') ids.add(id);
    }
  }
  return ids;
}

/** The board's SLA thresholds (defaults when unset). */
export function readSla(doc: Y.Doc): SlaConfig {
  return normalizeSla(settingsMap(doc).get('sla'));
}

/** The standup in progress (or the last one), if any. */
export function readStandupState(doc: Y.Doc): StandupState | null {
  return readStandup(settingsMap(doc).get('standup'));
}
