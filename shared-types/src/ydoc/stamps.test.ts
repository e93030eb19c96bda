import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CARD_DEFAULTS, type Card, type CardId, type StageId, type UserId } from '../index';
import { appliedSeqOf, cardCommandId, cardSeq } from './stamps';
import { cardsMap, encodeCardValue, metaMap, readCard } from './boardDoc';
import { applyEffects } from './effects';

const card = (n: number): Card =>
  ({ ...CARD_DEFAULTS, id: `card-${n}` as CardId, title: `Deal ${n}`, customer: 'Acme', ownerId: 'sales' as UserId, stage: 'lead' as StageId, rank: `0|${n}`, createdAt: 1, updatedAt: 1, lastActivityAt: 1, stageEnteredAt: 1 }) as Card;

const itemCount = (doc: Y.Doc) => [...doc.store.clients.values()].reduce((n, structs) => n + structs.length, 0);

describe('which commands a board document contains', () => {
  it('is the highest command number written with any card, and follows later commands', () => {
    const doc = new Y.Doc();
    applyEffects(doc, [{ op: 'putCard', card: card(1) }], 1);
    applyEffects(doc, [{ op: 'putCard', card: card(2) }], 2);
    expect(appliedSeqOf(doc)).toBe(2);
    applyEffects(doc, [{ op: 'setFields', cardId: 'card-1', fields: { nextStep: 'Call' } }], 7);
    expect(appliedSeqOf(doc)).toBe(7);
    expect(cardSeq(cardsMap(doc).get('card-1'))).toBe(7);
    expect(readCard(doc, 'card-1')).not.toHaveProperty('_seq');
  });

  it('records a batch that changes no card in the document’s meta', () => {
    const doc = new Y.Doc();
    applyEffects(doc, [{ op: 'putCard', card: card(1) }], 3);
    applyEffects(doc, [{ op: 'setSetting', key: 'sla', value: { quoteHours: 48 } }], 4);
    expect(appliedSeqOf(doc)).toBe(4);
    // A command whose effect changes nothing still counts as contained.
    applyEffects(doc, [{ op: 'setFields', cardId: 'card-1', fields: { title: 'Deal 1' } }], 5);
    expect(appliedSeqOf(doc)).toBe(5);
  });

  it('is read from a copy of the document the same way (cards first stored by a process that then died)', () => {
    const doc = new Y.Doc();
    applyEffects(doc, [{ op: 'putCard', card: card(1) }, { op: 'putCard', card: card(2) }], 11);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(appliedSeqOf(copy)).toBe(11);
  });

  it('counts the meta number of documents written before cards carried it', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      cardsMap(doc).set('old', encodeCardValue({ ...card(9) }));
      metaMap(doc).set('appliedSeq', 40);
    });
    expect(appliedSeqOf(doc)).toBe(40);
  });

  it('adds no document item per command beyond the cards it writes', () => {
    const doc = new Y.Doc();
    for (let i = 1; i <= 100; i++) applyEffects(doc, [{ op: 'putCard', card: card(i) }], i);
    expect(itemCount(doc)).toBe(100);
    expect(appliedSeqOf(doc)).toBe(100);
  });

  it('tells which command last wrote each card (the later one of a batch), and which commands that shows', () => {
    const doc = new Y.Doc();
    applyEffects(doc, [{ op: 'putCard', card: card(1) }, { op: 'putCard', card: card(2) }], 1, null, ['create-1', 'create-2']);
    const shown = applyEffects(
      doc,
      [
        { op: 'setFields', cardId: 'card-1', fields: { nextStep: 'A' } },
        { op: 'setFields', cardId: 'card-1', fields: { nextStep: 'B' } },
        { op: 'setFields', cardId: 'card-2', fields: { title: 'Deal 2' } },
      ],
      2,
      null,
      ['first', 'second', 'unchanged'],
    );
    expect([...shown]).toEqual(['second']);
    expect(cardCommandId(cardsMap(doc).get('card-1'))).toBe('second');
    expect(cardCommandId(cardsMap(doc).get('card-2'))).toBe('create-2');
    expect(cardCommandId(encodeCardValue({ title: 'x' }, 3))).toBeNull();
    expect(cardCommandId(encodeCardValue({ title: 'x', _cmd: 'old' }, 3, 'new'))).toBe('new');
  });

  it('reads no number from values that do not start with one', () => {
    expect(cardSeq(encodeCardValue({ title: 'x' }))).toBe(0);
    expect(cardSeq(encodeCardValue({ title: 'x' }, 12))).toBe(12);
    expect(cardSeq('{"_seq":12}')).toBe(0);
    expect(cardSeq(new Uint8Array([1, 2, 3]))).toBe(0);
  });
});
