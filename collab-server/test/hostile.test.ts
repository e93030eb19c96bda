import { asBoardId, asUserId, userColor, type CommandAnswer } from '@baton/shared-types';
import { cardsMap, readCards } from '@baton/shared-types/ydoc';
import { SignJWT } from 'jose';
import * as encoding from 'lib0/encoding';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { hashPassword } from '../src/auth/passwords';
import { FakeClock } from '../src/clock';
import { cardOf, connectClient, waitFor, type TestClient } from './support/client';
import { login } from './support/http';
import { awarenessFrame, frame, MSG, openRaw, SYNC, syncStep2Frame, updateFrame, type RawClient } from './support/raw';
import { refusalReason } from './support/refusal';
import { startTestServer, type TestServer } from './support/server';

const DOC = 'board:demo';

let server: TestServer;
let manager: TestClient;
let sales: TestClient;
const extraClients: TestClient[] = [];
const raws: RawClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  manager = await connectClient(server.url, 'manager');
  sales = await connectClient(server.url, 'sales');
});
afterAll(async () => {
  for (const c of [manager, sales, ...extraClients]) c?.close();
  for (const r of raws) r.ws.terminate();
  await server?.dispose();
});

// --- helpers -------------------------------------------------------------------------------

/** The server's own in-memory board document. */
function liveDoc(): Y.Doc {
  const doc = server.hocuspocus.documents.get(DOC);
  if (!doc) throw new Error(`${DOC} is not loaded`);
  return doc;
}

/** The board as the server would load it from disk. */
async function storedDoc(name = DOC): Promise<Y.Doc> {
  const loaded = await server.store.loadDocument(name);
  const doc = new Y.Doc();
  if (loaded?.snapshot) Y.applyUpdate(doc, loaded.snapshot);
  for (const u of loaded?.updates ?? []) Y.applyUpdate(doc, u.data);
  return doc;
}

const canonical = (doc: Y.Doc) => JSON.stringify(readCards(doc).sort((a, b) => (a.id < b.id ? -1 : 1)));

/** Everything that would change if a write got through: live state, stored log and stored content. */
async function fingerprint() {
  return {
    stateVector: Buffer.from(Y.encodeStateVector(liveDoc())).toString('hex'),
    live: canonical(liveDoc()),
    stored: canonical(await storedDoc()),
    storedUpdates: await server.store.countUpdates(DOC),
  };
}

/** A raw socket authenticated on the demo board, with its own replica of the board. */
async function rawMember(username: string): Promise<{ raw: RawClient; doc: Y.Doc }> {
  const raw = await openRaw(server.url);
  raws.push(raw);
  const auth = await raw.authenticate(DOC, await login(server.url, username));
  expect(auth).toEqual({ ok: true, scope: 'readonly' });
  await raw.next('stateless', (f) => f.text.includes('"hello"'));
  const doc = new Y.Doc();
  await raw.pull(DOC, doc);
  return { raw, doc };
}

/** Runs `change` on a replica and returns the Yjs update it produced. */
function localUpdate(doc: Y.Doc, change: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const listen = (u: Uint8Array) => updates.push(u);
  doc.on('update', listen);
  try {
    doc.transact(change);
  } finally {
    doc.off('update', listen);
  }
  return Y.mergeUpdates(updates);
}

function forgedCard(ownerId: string): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  const fields = { title: 'Forged deal', customer: 'Evil Corp', ownerId, stage: 'signed', rank: '0|zzzzzz:', amount: 9e9, archived: false, createdAt: 1 };
  for (const [k, v] of Object.entries(fields)) map.set(k, v);
  return map;
}

async function connect(username: string, boardId?: string): Promise<TestClient> {
  const client = await connectClient(server.url, username, boardId ? { boardId } : {});
  extraClients.push(client);
  return client;
}

function expectRefusal(answer: CommandAnswer, reason: string, message: RegExp): void {
  expect(answer).toMatchObject({ type: 'reject', reason });
  if (answer.type !== 'reject') return;
  expect(answer.message).toMatch(message);
  // Words a person can read, not a stack trace or a serialised object.
  expect(answer.message.split(/\s+/).length).toBeGreaterThanOrEqual(3);
  expect(answer.message).not.toMatch(/undefined|\[object|Error:|at .*\.ts/);
}

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

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
      cardsMap(doc).get(target.id)?.set('stage', 'signed');
      cardsMap(doc).get(target.id)?.set('amount', 1);
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
        else cardsMap(doc).get(ids[i % ids.length]!)?.set('nextStep', `hijacked ${i}`);
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
    const original = store.commitCommand;
    let injected = 0;
    store.commitCommand = async () => {
      injected++;
      store.commitCommand = original;
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
      store.commitCommand = original;
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

// --- replays ---------------------------------------------------------------------------------

describe('a replayed command id', () => {
  it('gets the first answer again and is applied only once, also after reconnecting', async () => {
    const card = cardOf(sales, 'sales', 'negotiation');
    const first = { id: randomUUID(), type: 'moveCard', cardId: card.id, toStage: 'quote', reason: 'Price reopened' };
    const a1 = await sales.send(first);
    expect(a1).toMatchObject({ type: 'ack', id: first.id, result: { stage: 'quote' } });
    // Move it on, so that applying the first command again would be visible.
    expect((await sales.send({ type: 'moveCard', cardId: card.id, toStage: 'lead', reason: 'Requalify' })).type).toBe('ack');
    await manager.waitFor(() => manager.card(card.id)?.stage === 'lead');
    const eventsBefore = await server.store.listEvents({ boardId: 'demo', cardId: card.id });
    const before = await fingerprint();

    expect(await sales.send(first)).toEqual(a1);
    sales.close();
    sales = await connectClient(server.url, 'sales');
    expect(await sales.send(first)).toEqual(a1);

    expect(await fingerprint()).toEqual(before);
    expect(sales.card(card.id)?.stage).toBe('lead');
    expect(await server.store.listEvents({ boardId: 'demo', cardId: card.id })).toEqual(eventsBefore);
  });

  it('used by another user gets conflict and changes nothing', async () => {
    const card = cardOf(sales, 'sales', 'lead');
    const first = { id: randomUUID(), type: 'updateCard', cardId: card.id, fields: { nextStep: 'Mine' } };
    expect((await sales.send(first)).type).toBe('ack');
    const before = await fingerprint();
    const stolen = await manager.send({ ...first, fields: { nextStep: 'Stolen' } });
    expectRefusal(stolen, 'conflict', /already used/);
    expect(await fingerprint()).toEqual(before);
  });

  it('used by another user while the first is still running gets conflict, never the first user’s answer', async () => {
    const own = cardOf(sales, 'sales', 'lead');
    const other = cardOf(manager, 'sales2', 'lead');
    const id = randomUUID();
    // Hold the first command inside the real store's commit, so it is certainly still in flight.
    const store = server.store;
    const original = store.commitCommand;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered = () => {};
    const inside = new Promise<void>((resolve) => (entered = resolve));
    store.commitCommand = async (record, events) => {
      store.commitCommand = original;
      entered();
      await held;
      return original.call(store, record, events);
    };
    try {
      const mine = sales.send({ id, type: 'updateCard', cardId: own.id, fields: { nextStep: 'Racing' } });
      await withTimeout(inside, 3000, 'the first command');
      const theirs = await withTimeout(manager.send({ id, type: 'updateCard', cardId: other.id, fields: { nextStep: 'Racing too' } }), 3000, 'the second use of the id');
      expectRefusal(theirs, 'conflict', /already used/);
      release();
      expect(await mine).toEqual({ type: 'ack', id });
    } finally {
      store.commitCommand = original;
      release();
    }
    await manager.waitFor(() => manager.card(own.id)?.nextStep === 'Racing');
    expect(manager.card(other.id)?.nextStep).toBe(other.nextStep);
    expect((await server.store.getCommand(id))?.actor).toBe('sales');
  });
});

// --- roles and ownership ---------------------------------------------------------------------

describe('roles and ownership', () => {
  it('stop sales from moving or editing a card owned by another rep', async () => {
    const card = cardOf(manager, 'sales2', 'quote');
    const before = await fingerprint();
    expectRefusal(await sales.send({ type: 'moveCard', cardId: card.id, toStage: 'lead' }), 'forbidden', /only your own cards/);
    expectRefusal(await sales.send({ type: 'updateCard', cardId: card.id, fields: { amount: 1 } }), 'forbidden', /only your own cards/);
    expectRefusal(await sales.send({ type: 'archiveCard', cardId: card.id }), 'forbidden', /only your own cards/);
    expect(await fingerprint()).toEqual(before);
  });

  it('let a manager move and edit any rep’s card', async () => {
    const card = cardOf(manager, 'sales2', 'quote');
    expect((await manager.send({ type: 'moveCard', cardId: card.id, toStage: 'lead', reason: 'Reassigning the lead' })).type).toBe('ack');
    expect((await manager.send({ type: 'updateCard', cardId: card.id, fields: { nextStep: 'Manager stepped in' } })).type).toBe('ack');
    await sales.waitFor(() => sales.card(card.id)?.stage === 'lead' && sales.card(card.id)?.nextStep === 'Manager stepped in');
  });

  it('stop product from moving cards and delivery from editing them', async () => {
    const product = await connect('product');
    const delivery = await connect('delivery');
    const card = cardOf(manager, 'sales', 'solution_demo');
    const before = await fingerprint();
    expectRefusal(await product.send({ type: 'moveCard', cardId: card.id, toStage: 'lead' }), 'forbidden', /product role cannot move/);
    expectRefusal(await delivery.send({ type: 'updateCard', cardId: card.id, fields: { nextStep: 'x' } }), 'forbidden', /delivery role cannot edit/);
    expectRefusal(await delivery.send({ type: 'createCard', card: { title: 'Side deal', customer: 'Acme' } }), 'forbidden', /cannot create cards/);
    expect(await fingerprint()).toEqual(before);
  });

  it('stop sales from creating a card for someone else or handing one over', async () => {
    const id = randomUUID();
    const own = cardOf(manager, 'sales', 'lead');
    const before = await fingerprint();
    expectRefusal(await sales.send({ type: 'createCard', card: { id, title: 'Planted', customer: 'Acme', ownerId: 'sales2' } }), 'forbidden', /another owner/);
    expectRefusal(await sales.send({ type: 'updateCard', cardId: own.id, fields: { ownerId: 'sales2' } }), 'forbidden', /another owner/);
    expect(await fingerprint()).toEqual(before);
    expect(manager.card(id)).toBeNull();
  });

  it('stop a member removed from the board from changing it over a connection opened before', async () => {
    const sales2 = await connect('sales2');
    const card = cardOf(manager, 'sales2', 'needs_confirmed');
    await server.store.removeMembership('demo', 'sales2');
    try {
      expectRefusal(await sales2.send({ type: 'updateCard', cardId: card.id, fields: { nextStep: 'Leaving gift' } }), 'forbidden', /not a member/);
    } finally {
      await server.store.setMembership({ boardId: asBoardId('demo'), userId: asUserId('sales2'), role: 'sales' });
    }
    expect(manager.card(card.id)?.nextStep).not.toBe('Leaving gift');
  });
});

// --- presence --------------------------------------------------------------------------------

describe('awareness', () => {
  it('shows others the authenticated identity, whatever name a client claims', async () => {
    const identity = { id: 'sales', name: 'Li Wei', color: userColor('sales'), role: 'sales' };
    sales.provider.setAwarenessField('user', { name: 'CEO', id: 'admin', role: 'admin' });
    await manager.waitFor(() => JSON.stringify(manager.provider.awareness?.getStates().get(sales.doc.clientID)?.user) === JSON.stringify(identity));

    // The same claim hand-built on a raw socket.
    const { raw } = await rawMember('sales2');
    const fake = new Y.Doc();
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1); // one client
    encoding.writeVarUint(e, fake.clientID);
    encoding.writeVarUint(e, 1); // clock
    encoding.writeVarString(e, JSON.stringify({ user: { name: 'CEO', id: 'admin', role: 'admin' }, cursor: null }));
    raw.send(awarenessFrame(DOC, encoding.toUint8Array(e)));
    const seen = await manager.waitFor(() => manager.provider.awareness?.getStates().get(fake.clientID));
    expect(seen.user).toEqual({ id: 'sales2', name: 'Emma Carter', color: userColor('sales2'), role: 'sales' });
  });

  it('does not let one client overwrite the presence entry of another client', async () => {
    const victim = sales.doc.clientID;
    sales.provider.setAwarenessField('cursor', 'card-1');
    await manager.waitFor(() => manager.provider.awareness?.getStates().get(victim)?.cursor === 'card-1');
    const victimClock = sales.provider.awareness?.meta.get(victim)?.clock ?? 0;

    const { raw } = await rawMember('sales2');
    const own = new Y.Doc().clientID;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 2);
    for (const [clientId, state] of [
      [victim, { cursor: 'hijacked' }],
      [own, { cursor: 'marker' }],
    ] as const) {
      encoding.writeVarUint(e, clientId);
      encoding.writeVarUint(e, victimClock + 100);
      encoding.writeVarString(e, JSON.stringify(state));
    }
    raw.send(awarenessFrame(DOC, encoding.toUint8Array(e)));
    // The attacker's own entry arrives, so the update was handled...
    await manager.waitFor(() => manager.provider.awareness?.getStates().get(own)?.cursor === 'marker');
    // ...but the victim's entry is untouched, for others and for the victim itself.
    expect(manager.provider.awareness?.getStates().get(victim)).toMatchObject({ cursor: 'card-1', user: { id: 'sales' } });
    expect(sales.provider.awareness?.getLocalState()?.cursor).toBe('card-1');
  });
});

// --- who may connect -------------------------------------------------------------------------

describe('a connection attempt', () => {
  it('is refused with a bad or forged token, and the server keeps serving', async () => {
    expect(await refusalReason(server.url, DOC, 'not-a-token')).toBe('invalid-token');
    const forged = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('admin').setIssuer('baton').setExpirationTime('1h').sign(new TextEncoder().encode('a-secret-the-attacker-guessed-wrong'));
    expect(await refusalReason(server.url, DOC, forged)).toBe('invalid-token');
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"admin","iss":"baton"}').toString('base64url')}.`;
    expect(await refusalReason(server.url, DOC, unsigned)).toBe('invalid-token');
    expect((await manager.send({ type: 'updateCard', cardId: cardOf(manager, 'sales', 'lead').id, fields: { nextStep: 'Still open' } })).type).toBe('ack');
  });

  it('is refused for a user who is not a member of the board', async () => {
    await server.store.upsertUser({
      id: asUserId('outsider'),
      username: 'outsider',
      displayName: 'Olga Outsider',
      region: 'HQ',
      managerId: null,
      passwordHash: await hashPassword('letmein'),
    });
    const token = await login(server.url, 'outsider', 'letmein');
    expect(await refusalReason(server.url, DOC, token)).toBe('not-a-member');
  });

  it.each([
    ['a board that does not exist', 'board:nope', 'not-a-member'],
    ['a handoff pack (not served yet)', `pack:${randomUUID()}`, 'unknown-document'],
    ['a name that is no document at all', 'garbage', 'unknown-document'],
    ['a path-like board id', 'board:../demo', 'unknown-document'],
  ])('is refused for %s', async (_what, name, reason) => {
    const token = await login(server.url, 'manager');
    expect(await refusalReason(server.url, name, token)).toBe(reason);
    expect(server.hocuspocus.documents.has(name)).toBe(false);
    expect(await server.store.loadDocument(name)).toBeNull();
  });

  it('is refused once the token has expired, while open connections carry on', async () => {
    const token = await login(server.url, 'sales');
    expect(server.clock).toBeInstanceOf(FakeClock);
    (server.clock as FakeClock).advance(13 * 3600_000);
    expect(await refusalReason(server.url, DOC, token)).toBe('token-expired');
    expect((await manager.send({ type: 'updateCard', cardId: cardOf(manager, 'sales', 'lead').id, fields: { nextStep: 'Later that day' } })).type).toBe('ack');
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
