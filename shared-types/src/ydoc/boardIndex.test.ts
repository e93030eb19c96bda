import { CARD_DEFAULTS, DEFAULT_STAGES, type Card, type CardId, type StageId, type UserId } from '../index';
import { applyEffects } from './effects';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeUtf8, encodeUtf8 } from 'lib0/string';
import { BoardIndex, buildBase, type BaseBoard } from './boardIndex';

let n = 0;
const id = (label: string) => `00000000-0000-4000-8000-${String(++n).padStart(8, '0')}${label.slice(0, 4).padEnd(4, '0')}`.slice(0, 36);
function card(title: string, stage: string, rank: string, extra: Partial<Card> = {}): Card {
  return { ...CARD_DEFAULTS, id: id(title) as CardId, title, customer: `${title} Ltd`, ownerId: 'sales' as UserId, stage: stage as StageId, rank, createdAt: 1, updatedAt: 1, lastActivityAt: 1, stageEnteredAt: 1, ...extra };
}
const titles = (b: { columns: ReadonlyMap<string, readonly Card[]> }, stage: string) => (b.columns.get(stage) ?? []).map((c) => c.title);

function setup(cards: Card[], inPlace = false) {
  const doc = new Y.Doc();
  applyEffects(doc, [{ op: 'setStages', stages: [...DEFAULT_STAGES] }, { op: 'setMeta', fields: { name: 'Pipeline', epoch: 'e1' } }, ...cards.map((c) => ({ op: 'putCard' as const, card: c }))], 1);
  const seen: BaseBoard[] = [];
  const index = new BoardIndex(doc, (b) => seen.push(b), inPlace);
  return { doc, index, seen };
}

describe('the board index over the Y.Doc', () => {
  it('groups live cards by stage, sorted by rank, and keeps archived ones out of the columns', () => {
    const { index } = setup([card('B', 'lead', '0|b'), card('A', 'lead', '0|a'), card('Q', 'quote', '0|a'), card('X', 'lead', '0|c', { archived: true })]);
    expect(titles(index.current, 'lead')).toEqual(['A', 'B']);
    expect(titles(index.current, 'quote')).toEqual(['Q']);
    expect(index.current.cards.size).toBe(4);
    expect(index.current.name).toBe('Pipeline');
  });

  it('updates incrementally: a move copies only the two columns involved and matches a full rebuild', () => {
    const a = card('A', 'lead', '0|a');
    const cards = [a, card('B', 'lead', '0|b'), card('Q', 'quote', '0|b'), card('S', 'signed', '0|a')];
    const { doc, index } = setup(cards);
    const before = index.current;
    applyEffects(doc, [{ op: 'setFields', cardId: a.id, fields: { stage: 'quote' as Card['stage'], rank: '0|a' } }], 2);
    const after = index.current;
    expect(titles(after, 'lead')).toEqual(['B']);
    expect(titles(after, 'quote')).toEqual(['A', 'Q']);
    expect(after.columns.get('signed')).toBe(before.columns.get('signed'));
    expect(after.columns.get('lead')).not.toBe(before.columns.get('lead'));
    const rebuilt = buildBase(doc);
    for (const stage of ['lead', 'quote', 'signed']) expect(titles(after, stage)).toEqual(titles(rebuilt, stage));
  });

  it('stays correct through 200 moves on a 2,000-card board', () => {
    const many = Array.from({ length: 2000 }, (_, i) => card(`C${i}`, DEFAULT_STAGES[i % 6]!.id, `0|${String(i).padStart(6, '0')}`));
    const { doc, index } = setup(many);
    for (let i = 0; i < 200; i++) {
      const c = many[i]!;
      applyEffects(doc, [{ op: 'setFields', cardId: c.id, fields: { stage: 'signed' as Card['stage'], rank: `1|${String(i).padStart(6, '0')}` } }], 3 + i);
    }
    const rebuilt = buildBase(doc);
    for (const s of DEFAULT_STAGES) expect(titles(index.current, s.id)).toEqual(titles(rebuilt, s.id));
  });

  it('notices removed cards and stage changes', () => {
    const a = card('A', 'lead', '0|a');
    const { doc, index } = setup([a, card('B', 'lead', '0|b')]);
    doc.getMap('cards').delete(a.id);
    expect(titles(index.current, 'lead')).toEqual(['B']);
    applyEffects(doc, [{ op: 'setStages', stages: DEFAULT_STAGES.slice(0, 3) }], 9);
    expect(index.current.stages.map((s) => s.id)).toEqual(['lead', 'needs_confirmed', 'solution_demo']);
  });

  it('kept in place (the server’s index), matches a full rebuild after moves, archives, edits and new cards in one transaction', () => {
    const many = Array.from({ length: 300 }, (_, i) => card(`C${i}`, DEFAULT_STAGES[i % 6]!.id, `0|${String((i * 7919) % 1000).padStart(4, '0')}`));
    const { doc, index } = setup(many, true);
    const fresh = card('New', 'quote', '0|0500');
    for (let i = 0; i < 60; i++) {
      const c = many[(i * 37) % many.length]!;
      const stage = DEFAULT_STAGES[(i * 5) % 6]!.id;
      applyEffects(doc, [
        { op: 'setFields', cardId: c.id, fields: { stage: stage as Card['stage'], rank: `0|${String((i * 131) % 1000).padStart(4, '0')}` } },
        { op: 'setFields', cardId: many[i]!.id, fields: i % 10 === 0 ? { archived: true } : { title: `T${i}` } },
        ...(i === 30 ? [{ op: 'putCard' as const, card: fresh }] : []),
      ], 3 + i);
    }
    const rebuilt = buildBase(doc);
    for (const s of DEFAULT_STAGES) expect(titles(index.current, s.id)).toEqual(titles(rebuilt, s.id));
    expect(index.current.cards.size).toBe(rebuilt.cards.size);
    expect(index.current.cards.get(many[5]!.id)?.title).toBe('T5');
  });

  const storedFields = (doc: Y.Doc, id: string) => {
    const stored = doc.getMap('cards').get(id);
    expect(stored).toBeInstanceOf(Uint8Array);
    return JSON.parse(decodeUtf8(stored as Uint8Array)) as Record<string, unknown>;
  };

  it('reads a card stored the old way (a Y.Map per card) and rewrites it as UTF-8 JSON on its next change', () => {
    const doc = new Y.Doc();
    const old = card('Legacy', 'quote', '0|a');
    doc.transact(() => {
      const map = new Y.Map<unknown>();
      for (const [k, v] of Object.entries(old)) map.set(k, v);
      doc.getMap('cards').set(old.id, map);
    });
    const index = new BoardIndex(doc, () => undefined);
    expect(titles(index.current, 'quote')).toEqual(['Legacy']);
    applyEffects(doc, [{ op: 'setFields', cardId: old.id, fields: { nextStep: 'Send the quote' } }], 2);
    expect(storedFields(doc, old.id)).toMatchObject({ title: 'Legacy', stage: 'quote', nextStep: 'Send the quote' });
    expect(index.current.cards.get(old.id)?.nextStep).toBe('Send the quote');
  });

  it('reads cards stored as a plain object or as JSON text (earlier layouts) and rewrites them on their next change', () => {
    const doc = new Y.Doc();
    const object = card('Object', 'lead', '0|b');
    const text = card('Text', 'lead', '0|c');
    doc.transact(() => {
      doc.getMap('cards').set(object.id, { ...object });
      doc.getMap('cards').set(text.id, JSON.stringify(text));
    });
    const index = new BoardIndex(doc, () => undefined);
    expect(titles(index.current, 'lead')).toEqual(['Object', 'Text']);
    applyEffects(doc, [{ op: 'setFields', cardId: object.id, fields: { stage: 'quote' as StageId } }, { op: 'setFields', cardId: text.id, fields: { nextStep: 'Call' } }], 2);
    expect(storedFields(doc, object.id)).toMatchObject({ title: 'Object', stage: 'quote' });
    expect(storedFields(doc, text.id)).toMatchObject({ title: 'Text', nextStep: 'Call' });
    expect(titles(index.current, 'quote')).toEqual(['Object']);
    expect(titles(index.current, 'lead')).toEqual(['Text']);
  });

  it('skips a card entry that is not a card (never trusts a cache blindly)', () => {
    const doc = new Y.Doc();
    const good = card('Good', 'lead', '0|c');
    const bytes = (s: string) => encodeUtf8(s);
    doc.transact(() => {
      doc.getMap('cards').set(good.id, bytes(JSON.stringify(good)));
      doc.getMap('cards').set('broken', bytes('{"title": "half'));
      doc.getMap('cards').set('array', bytes('[1,2]'));
      doc.getMap('cards').set('not-utf8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
      doc.getMap('cards').set('text', '{"title": "half');
    });
    const index = new BoardIndex(doc, () => undefined);
    expect([...index.current.cards.keys()]).toEqual([good.id]);
  });

  it('writes nothing when an effect changes no field', () => {
    const c = card('Same', 'lead', '0|a', { nextStep: 'Call' });
    const { doc } = setup([c]);
    let updates = 0;
    doc.on('update', () => updates++);
    applyEffects(doc, [{ op: 'setFields', cardId: c.id, fields: { nextStep: 'Call', customFields: {} } }], 0);
    expect(updates).toBe(0);
  });
});
