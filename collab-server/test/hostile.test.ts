// Hostile clients: Direct writes, malformed and oversized input, failures inside the server, and the board next door.
import { asBoardId, asUserId, type CommandAnswer } from '@baton/shared-types';
import { cardsMap, readCard, readCards } from '@baton/shared-types/ydoc';
import * as encoding from 'lib0/encoding';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cardOf, waitFor, type TestClient } from './support/client';
import { frame, MSG, openRaw, SYNC, syncStep2Frame, updateFrame, type RawClient } from './support/raw';
import { type TestServer } from './support/server';

import { canonical, DOC, expectRefusal, forgedCard, localUpdate, useHostileFixture, withTimeout } from './support/hostileFixture';

const f = useHostileFixture();
const { liveDoc, storedDoc, fingerprint, rawMember, connect } = f;
let server: TestServer;
let manager: TestClient;
let sales: TestClient;
beforeAll(() => {
  ({ server, manager, sales } = f);
});
const raws = { push: (...rs: RawClient[]) => rs.forEach((r) => f.track(r)) };

// --- direct writes ---------------------------------------------------------------------------

describe('a member who writes to the board document directly', () => {
  it('is told its connection is read-only, and its Update and SyncStep2 writes change nothing anywhere', async () => {
    const { raw, doc } = await rawMember('sales');
    const observer = await rawMember('manager');
    const target = cardOf(manager, 'sales', 'lead');
    const forgedId = randomUUID();
    let honestUpdates = 0;
    const countHonest = () => honestUpdates++;
    manager.doc.on('update', countHonest);
    sales.doc.on('update', countHonest);
    const before = await fingerprint();
    const observedFrom = observer.raw.frames.length;

    const update = localUpdate(doc, () => {
      cardsMap(doc).set(target.id, { ...readCard(doc, target.id), stage: 'signed', amount: 1 });
      cardsMap(doc).set(forgedId, forgedCard('sales'));
    });
    expect(update.byteLength).toBeGreaterThan(0);

    for (const bytes of [updateFrame(DOC, update), syncStep2Frame(DOC, update)]) {
      const from = raw.frames.length;
      raw.send(bytes);
      const status = await raw.next('syncStatus', undefined, from);
      expect(status.saved).toBe(false);
    }
    await new Promise((r) => setTimeout(r, 100));

    manager.doc.off('update', countHonest);
    sales.doc.off('update', countHonest);
    expect(await fingerprint()).toEqual(before);
    expect(liveDoc().getMap('cards').has(forgedId)).toBe(false);
    expect(manager.card(target.id)?.stage).toBe('lead');
    expect(sales.card(forgedId)).toBeNull();
    expect(honestUpdates).toBe(0);
    expect(observer.raw.count('sync', (f) => f.syncType === SYNC.update, observedFrom)).toBe(0);
    expect(raw.isOpen()).toBe(true);
  });

  it('gets 100 direct writes in a row refused, none persisted or broadcast, and honest clients keep working', async () => {
    const { raw, doc } = await rawMember('sales');
    const observer = await rawMember('manager');
    const before = await fingerprint();
    const observedFrom = observer.raw.frames.length;
    let honestUpdates = 0;
    const countHonest = () => honestUpdates++;
    manager.doc.on('update', countHonest);

    const ids = readCards(doc).map((c) => c.id);
    const from = raw.frames.length;
    for (let i = 0; i < 100; i++) {
      const update = localUpdate(doc, () => {
        if (i % 3 === 0) cardsMap(doc).set(randomUUID(), forgedCard('sales'));
        else cardsMap(doc).set(ids[i % ids.length]!, { ...readCard(doc, ids[i % ids.length]!), nextStep: `hijacked ${i}` });
      });
      raw.send(i % 2 ? syncStep2Frame(DOC, update) : updateFrame(DOC, update));
    }
    await waitFor(() => raw.count('syncStatus', undefined, from) === 100, 5000, '100 sync statuses');
    expect(raw.count('syncStatus', (f) => f.saved, from)).toBe(0);
    await new Promise((r) => setTimeout(r, 100));

    manager.doc.off('update', countHonest);
    expect(await fingerprint()).toEqual(before);
    expect(honestUpdates).toBe(0);
    expect(observer.raw.count('sync', (f) => f.syncType === SYNC.update, observedFrom)).toBe(0);

    // The honest path still works, and its change does reach the same observer.
    const card = cardOf(sales, 'sales', 'quote');
    const answer = await sales.send({ type: 'updateCard', cardId: card.id, fields: { nextStep: 'Honest follow-up' } });
    expect(answer.type).toBe('ack');
    await manager.waitFor(() => manager.card(card.id)?.nextStep === 'Honest follow-up');
    await observer.raw.next('sync', (f) => f.syncType === SYNC.update, observedFrom);
    expect(canonical(await storedDoc())).toBe(canonical(liveDoc()));
  });

  it('cannot relay a forged server message to other clients through the broadcast opcode', async () => {
    const { raw } = await rawMember('sales');
    const forged = JSON.stringify({ type: 'reject', id: null, reason: 'forbidden', message: 'FORGED by sales' });
    const from = raw.frames.length;
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {}); // Hocuspocus logs the refusal
    try {
      raw.send(frame(DOC, MSG.BroadcastStateless, (e) => encoding.writeVarString(e, forged)));
      await raw.next('close', (f) => f.doc === DOC, from);
    } finally {
      quiet.mockRestore();
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(manager.messages.some((m) => m.type === 'reject' && m.message.includes('FORGED'))).toBe(false);
    expect((await manager.send({ type: 'updateCard', cardId: cardOf(manager, 'sales2', 'lead').id, fields: { nextStep: 'Still here' } })).type).toBe('ack');
  });
});

// --- malformed and forged commands -----------------------------------------------------------

describe('a command the server must refuse', () => {
  let raw: RawClient;
  let ownCard: string;
  beforeAll(async () => {
    raw = (await rawMember('sales')).raw;
    ownCard = cardOf(manager, 'sales', 'quote').id;
  });

  const id = () => randomUUID();
  const cases: Array<[string, () => string, string, RegExp, boolean]> = [
    ['malformed JSON', () => '{"id": "x", "type": ', 'invalid', /not valid JSON/, false],
    ['a JSON array instead of an object', () => '[1, 2, 3]', 'invalid', /JSON object/, false],
    ['an unknown command type', () => JSON.stringify({ id: id(), type: 'dropTable' }), 'invalid', /Unknown command type/, true],
    ['a wrong field type', () => JSON.stringify({ id: id(), type: 'updateCard', cardId: ownCard, fields: { amount: 'lots' } }), 'invalid', /amount/, true],
    ['a card id that is not a UUID', () => JSON.stringify({ id: id(), type: 'moveCard', cardId: 'abc', toStage: 'lead' }), 'invalid', /Card id/, true],
    ['a forged stage written as a field', () => JSON.stringify({ id: id(), type: 'updateCard', cardId: ownCard, fields: { stage: 'signed' } }), 'forbidden', /moving the card/, true],
    ['a forged server timestamp', () => JSON.stringify({ id: id(), type: 'updateCard', cardId: ownCard, fields: { createdAt: 1 } }), 'forbidden', /set by the server/, true],
    ['a forged rank at creation', () => JSON.stringify({ id: id(), type: 'createCard', card: { title: 'x', customer: 'y', rank: '0|000000:' } }), 'forbidden', /server/, true],
    ['a stage that does not exist', () => JSON.stringify({ id: id(), type: 'moveCard', cardId: ownCard, toStage: 'won_already' }), 'not_found', /no stage 'won_already'/, true],
    ['a card that does not exist', () => JSON.stringify({ id: id(), type: 'moveCard', cardId: randomUUID(), toStage: 'lead' }), 'not_found', /does not exist/, true],
    ['a command over 64 KB', () => JSON.stringify({ id: id(), type: 'updateCard', cardId: ownCard, fields: { nextStep: 'x'.repeat(70_000) } }), 'too_large', /larger than/, false],
  ];

  it.each(cases)('answers %s with a reject naming the reason, and leaves the board unchanged', async (_name, make, reason, message, echoesId) => {
    const before = await fingerprint();
    const payload = make();
    const answer = await raw.command(DOC, payload);
    expectRefusal(answer, reason, message);
    expect(answer.id).toBe(echoesId ? (JSON.parse(payload) as { id: string }).id : null);
    expect(await fingerprint()).toEqual(before);
  });
});

// --- failures inside the handler -------------------------------------------------------------

describe('a command that fails inside the server', () => {
  it('is rejected as internal with its id, keeps the server serving, and can be retried with the same id', async () => {
    const { raw } = await rawMember('sales');
    const card = cardOf(manager, 'sales', 'needs_confirmed');
    const store = server.store;
    const original = store.commitCommands;
    let injected = 0;
    store.commitCommands = async () => {
      injected++;
      store.commitCommands = original;
      throw new Error('disk unplugged (injected fault)');
    };
    const failing = { id: randomUUID(), type: 'updateCard', cardId: card.id, fields: { nextStep: 'After the outage' } };
    const before = await fingerprint();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    let answer: CommandAnswer;
    let log: string;
    try {
      answer = await raw.command(DOC, JSON.stringify(failing));
    } finally {
      store.commitCommands = original;
      log = logged.mock.calls.map((call) => call.map(String).join(' ')).join('\n');
      logged.mockRestore();
    }
    expect(injected).toBe(1);
    // Operators see the failure in the log; the user gets words, not the stack.
    expect(log).toMatch(/command failed[\s\S]*disk unplugged/);
    expectRefusal(answer, 'internal', /not applied/);
    expect(answer.id).toBe(failing.id);
    expect(await fingerprint()).toEqual(before);
    expect(await server.store.getCommand(failing.id)).toBeNull();

    const next = await sales.send({ type: 'updateCard', cardId: card.id, fields: { amount: 4242 } });
    expect(next.type).toBe('ack');
    const retried = await withTimeout(sales.send(failing), 3000, 'the retried command');
    expect(retried).toEqual({ type: 'ack', id: failing.id });
    await manager.waitFor(() => manager.card(card.id)?.nextStep === 'After the outage');
  });
});

// --- oversized, text and garbage frames ------------------------------------------------------

describe('a socket that sends frames no client would', () => {
  it('is closed with 1009 for a 10 MB message while other clients carry on', async () => {
    const raw = await openRaw(server.url);
    raws.push(raw);
    raw.send(new Uint8Array(10 * 1024 * 1024));
    expect((await withTimeout(raw.closed, 5000, 'the oversized frame')).code).toBe(1009);
    const card = cardOf(manager, 'sales2', 'quote');
    expect((await manager.send({ type: 'updateCard', cardId: card.id, fields: { nextStep: 'After the flood' } })).type).toBe('ack');
    await sales.waitFor(() => sales.card(card.id)?.nextStep === 'After the flood');
  });

  it('is closed with 1003 for a text frame', async () => {
    const raw = await openRaw(server.url);
    raws.push(raw);
    raw.send('{"type":"moveCard"}');
    expect((await withTimeout(raw.closed, 5000, 'the text frame')).code).toBe(1003);
  });

  it('cannot crash the server with random binary garbage, before or after authenticating', async () => {
    // Hocuspocus logs every undecodable frame; keep the test output readable.
    const quiet = [vi.spyOn(console, 'error').mockImplementation(() => {}), vi.spyOn(console, 'warn').mockImplementation(() => {})];
    try {
      let seed = 0x2f6b1d;
      const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) / 0x1000000;
      const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
      const anonymous = await Promise.all([openRaw(server.url), openRaw(server.url)]);
      const member = await rawMember('sales2');
      raws.push(...anonymous);
      for (let i = 0; i < 300; i++) {
        const target = i % 3 === 2 ? member.raw : anonymous[i % 2]!;
        if (!target.isOpen()) continue;
        // Two thirds pure noise; a third a valid document name and message type followed by noise.
        const body = bytes(1 + Math.floor(random() * 300));
        target.send(i % 3 === 0 ? body : frame(DOC, Math.floor(random() * 11), (e) => encoding.writeUint8Array(e, body)));
      }
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      for (const q of quiet) q.mockRestore();
    }
    const card = cardOf(manager, 'sales', 'solution_demo');
    expect((await sales.send({ type: 'updateCard', cardId: card.id, fields: { nextStep: 'After the noise' } })).type).toBe('ack');
    await manager.waitFor(() => manager.card(card.id)?.nextStep === 'After the noise');
    const fresh = await rawMember('product');
    expect(fresh.raw.isOpen()).toBe(true);
    expect(canonical(fresh.doc)).toBe(canonical(liveDoc()));
  });
});

// --- other boards ----------------------------------------------------------------------------

describe('after all of the above', () => {
  it('a board next door is unaffected and still takes commands', async () => {
    await server.store.createBoard({ id: asBoardId('second'), name: 'Second board', createdAt: server.clock.now() });
    await server.store.setMembership({ boardId: asBoardId('second'), userId: asUserId('manager'), role: 'manager' });
    const next = await connect('manager', 'second');
    expect(next.cards()).toEqual([]);
    const id = randomUUID();
    const answer = await next.send({ type: 'createCard', card: { id, title: 'Greenfield', customer: 'Next Door Ltd' } });
    expect(answer).toMatchObject({ type: 'ack', result: { cardId: id } });
    await next.waitFor(() => next.card(id));
    expect(manager.card(id)).toBeNull();
    expect(readCards(await storedDoc('board:second')).map((c) => c.id)).toEqual([id]);
    expect(canonical(await storedDoc())).toBe(canonical(liveDoc()));
  });
});
