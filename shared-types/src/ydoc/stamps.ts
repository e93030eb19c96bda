import type * as Y from 'yjs';
import { cardsMap, metaMap } from './boardDoc';

/**
 * The stamps a card value starts with (see encodeCardValue): `{"_seq":42,"_cmd":"<id>",...}`,
 * read without parsing the rest of the card.
 *
 * Which committed commands a board document contains: every command up to the highest
 * sequence number found in it (a document's updates are stored in the order they were made,
 * so what a document holds is always a prefix of the commands).
 *
 * The number travels inside the values a command writes anyway: each card a batch of commands
 * changes is written with the batch's last number as its value's first field
 * (`{"_seq":42,...}`), and only a batch that changes no card records it in `meta.appliedSeq`.
 * A separate `meta.appliedSeq` written by every command would leave a deleted Yjs item per
 * command in the document forever (an overwritten map entry stays as a tombstone): on a
 * 10,000-card board seeded card by card, half of the document's items.
 */
const bytesOf = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
const SEQ = bytesOf('{"_seq":');
const CMD = bytesOf(',"_cmd":"');
const QUOTE = 34;

const startsWith = (value: Uint8Array, at: number, prefix: readonly number[]) => prefix.every((b, i) => value[at + i] === b);

/** The sequence number at the start of a card value and where it ends, or null. */
function readSeq(value: unknown): { seq: number; end: number } | null {
  if (!(value instanceof Uint8Array) || value.length <= SEQ.length || !startsWith(value, 0, SEQ)) return null;
  let n = 0;
  let i = SEQ.length;
  for (; i < value.length && i < SEQ.length + 16; i++) {
    const c = value[i] as number;
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
  }
  return { seq: n, end: i };
}

/** The sequence number stored at the start of a card value, or 0. */
export function cardSeq(value: unknown): number {
  return readSeq(value)?.seq ?? 0;
}

/** The id of the command that last wrote a card value (its second stamp), or null. */
export function cardCommandId(value: unknown): string | null {
  const seq = readSeq(value);
  if (!seq || !(value instanceof Uint8Array) || !startsWith(value, seq.end, CMD)) return null;
  const start = seq.end + CMD.length;
  const end = value.indexOf(QUOTE, start);
  if (end < 0 || end - start > 64) return null;
  return String.fromCharCode(...value.subarray(start, end));
}

function metaSeq(doc: Y.Doc): number {
  const v = metaMap(doc).get('appliedSeq');
  return typeof v === 'number' ? v : 0;
}

const trackers = new WeakMap<Y.Doc, { max: number }>();

/**
 * The highest command sequence number the document contains. The first call reads every card
 * (a few bytes each); after that the number is kept up to date from the changes themselves.
 */
export function appliedSeqOf(doc: Y.Doc): number {
  let tracker = trackers.get(doc);
  if (!tracker) {
    const t = { max: metaSeq(doc) };
    const cards = cardsMap(doc);
    cards.forEach((value) => {
      const s = cardSeq(value);
      if (s > t.max) t.max = s;
    });
    cards.observe((event) => {
      for (const key of event.keysChanged) {
        const s = cardSeq(cards.get(key));
        if (s > t.max) t.max = s;
      }
    });
    metaMap(doc).observe(() => {
      const s = metaSeq(doc);
      if (s > t.max) t.max = s;
    });
    trackers.set(doc, t);
    tracker = t;
  }
  return tracker.max;
}
