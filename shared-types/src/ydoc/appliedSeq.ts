import type * as Y from 'yjs';
import { cardsMap, metaMap } from './boardDoc';

/**
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
const PREFIX = Array.from('{"_seq":', (c) => c.charCodeAt(0));

/** The sequence number stored at the start of a card value, or 0. */
export function cardSeq(value: unknown): number {
  if (!(value instanceof Uint8Array) || value.length <= PREFIX.length) return 0;
  for (let i = 0; i < PREFIX.length; i++) if (value[i] !== PREFIX[i]) return 0;
  let n = 0;
  for (let i = PREFIX.length; i < value.length && i < PREFIX.length + 16; i++) {
    const c = value[i] as number;
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
  }
  return n;
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
