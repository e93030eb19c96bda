import { ACKS_IN_UPDATES, boardDocName, type Card } from '@baton/shared-types';
import { cardCommandId, cardsMap, readCards } from '@baton/shared-types/ydoc';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, waitFor, type TestClient } from './support/client';
import { login } from './support/http';
import { announceFrame, openRaw, statelessFrame, SYNC, type RawClient } from './support/raw';
import { startTestServer, type TestServer } from './support/server';

const BOARD = boardDocName('demo');
const ACKS = `${ACKS_IN_UPDATES.param}=${ACKS_IN_UPDATES.value}`;
let server: TestServer;
let manager: TestClient;
const raws: RawClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  manager = await connectClient(server.url, 'manager');
});
afterAll(async () => {
  manager?.close();
  for (const r of raws) r.ws.terminate();
  await server?.dispose();
});

/** A raw connection on `srv`'s demo board holding its own replica, kept up to date from every sync frame. */
async function memberOf(srv: TestServer, username: string, query = ''): Promise<{ raw: RawClient; doc: Y.Doc; username: string }> {
  const raw = await openRaw(srv.url, query);
  raws.push(raw);
  expect((await raw.authenticate(BOARD, await login(srv.url, username))).ok).toBe(true);
  const doc = new Y.Doc();
  await raw.pull(BOARD, doc);
  let applied = raw.frames.length;
  raw.ws.on('message', () => {
    for (const f of raw.frames.slice(applied)) if (f.kind === 'sync' && f.syncType !== SYNC.step1) Y.applyUpdate(doc, f.payload);
    applied = raw.frames.length;
  });
  return { raw, doc, username };
}

const member = (username: string, query = '') => memberOf(server, username, query);

const answersFor = (raw: RawClient, id: string, from = 0) => raw.count('stateless', (f) => f.text.includes(id), from);
const updatesSince = (raw: RawClient, from: number) => raw.count('sync', (f) => f.syncType === SYNC.update, from);
const ownCard = (doc: Y.Doc, owner: string, stage: string): Card => {
  const card = readCards(doc).find((c) => c.ownerId === owner && c.stage === stage && !c.archived);
  if (!card) throw new Error(`no card of ${owner} in ${stage}`);
  return card;
};

describe('a connection that reads acknowledgements from the changes (?acks=update)', () => {
  it('gets the change carrying its command id and no separate ack', async () => {
    const { raw, doc } = await member('sales', ACKS);
    const card = ownCard(doc, 'sales', 'lead');
    const id = randomUUID();
    const from = raw.frames.length;
    raw.send(statelessFrame(BOARD, JSON.stringify({ id, type: 'updateCard', cardId: card.id, fields: { nextStep: 'Seen in the change' } })));
    await waitFor(() => cardCommandId(cardsMap(doc).get(card.id)) === id, 5000, 'the change with its id');
    expect(readCards(doc).find((c) => c.id === card.id)?.nextStep).toBe('Seen in the change');
    // A later command's answer arrives, and this one's never did.
    expect((await raw.command(BOARD, JSON.stringify({ id: randomUUID(), type: 'moveCard', cardId: card.id, toStage: 'won' }))).type).toBe('reject');
    expect(answersFor(raw, id, from)).toBe(0);
  });

  it('still gets rejections, acks of commands that change nothing, and acks of re-sent commands in words', async () => {
    const { raw, doc } = await member('sales', ACKS);
    const card = ownCard(doc, 'sales', 'lead');
    expect((await raw.command(BOARD, JSON.stringify({ id: randomUUID(), type: 'updateCard', cardId: card.id, fields: { ownerId: 'sales2' } }))).type).toBe('reject');
    const unchanged = await raw.command(BOARD, JSON.stringify({ id: randomUUID(), type: 'updateCard', cardId: card.id, fields: { title: card.title } }));
    expect(unchanged.type).toBe('ack');
    const id = randomUUID();
    const command = JSON.stringify({ id, type: 'updateCard', cardId: card.id, fields: { nextStep: 'Once' } });
    raw.send(statelessFrame(BOARD, command));
    await waitFor(() => cardCommandId(cardsMap(doc).get(card.id)) === id, 5000, 'the change');
    // Sent again (as after a reconnect): answered from the record, in words.
    expect((await raw.command(BOARD, command)).type).toBe('ack');
  });

  it('is the client’s choice: a connection without it gets every ack as before', async () => {
    const { raw, doc } = await member('sales');
    const card = ownCard(doc, 'sales', 'lead');
    const answer = await raw.command(BOARD, JSON.stringify({ id: randomUUID(), type: 'updateCard', cardId: card.id, fields: { nextStep: 'Acked in words' } }));
    expect(answer.type).toBe('ack');
  });
});

describe('broadcasts on a busy board', () => {
  // A small board in a test: a burst is 3 commands within 50 ms, on a board with 5 people.
  const pace = { burst: 3, windowMs: 50, minConnections: 5, quietMs: 40, maxWaitMs: 1000 };
  let busy: TestServer;
  beforeAll(async () => {
    busy = await startTestServer({ pace });
  });
  afterAll(async () => {
    await busy?.dispose();
  });

  it('go out one per command when commands come one at a time', async () => {
    const observers = await Promise.all(Array.from({ length: pace.minConnections }, () => memberOf(busy, 'product')));
    const sender = await memberOf(busy, 'sales');
    const card = ownCard(sender.doc, 'sales', 'lead');
    const from = observers[0]!.raw.frames.length;
    for (let i = 0; i < 5; i++) {
      expect((await sender.raw.command(BOARD, JSON.stringify({ id: randomUUID(), type: 'updateCard', cardId: card.id, fields: { nextStep: `Step ${i}` } }))).type).toBe('ack');
    }
    await waitFor(() => updatesSince(observers[0]!.raw, from) === 5, 2000, 'five updates');
  });

  it('are gathered while a burst of commands lasts, and then every change arrives, with its id for its sender', async () => {
    const observer = await memberOf(busy, 'product');
    const senders = await Promise.all(['sales', 'sales2'].map((u) => memberOf(busy, u, ACKS)));
    const sent: Array<{ sender: (typeof senders)[number]; cardId: string; id: string; nextStep: string }> = [];
    for (const sender of senders) {
      for (const card of readCards(sender.doc).filter((c) => c.ownerId === sender.username && !c.archived)) {
        sent.push({ sender, cardId: card.id, id: randomUUID(), nextStep: `Burst ${randomUUID().slice(0, 8)}` });
      }
    }
    expect(sent.length).toBeGreaterThanOrEqual(20);
    const from = observer.raw.frames.length;
    // One command every 5 ms, alternating between two people: each alone would go out at once.
    for (const s of sent) {
      s.sender.raw.send(statelessFrame(BOARD, JSON.stringify({ id: s.id, type: 'updateCard', cardId: s.cardId, fields: { nextStep: s.nextStep } })));
      await new Promise((r) => setTimeout(r, 5));
    }
    const nextStepAt = (doc: Y.Doc, cardId: string) => readCards(doc).find((c) => c.id === cardId)?.nextStep;
    await waitFor(() => sent.every((s) => nextStepAt(observer.doc, s.cardId) === s.nextStep), 5000, 'every change at the observer');
    // The first ones go at once, the rest together when the burst is over (decided and committed together too).
    expect(updatesSince(observer.raw, from)).toBeLessThanOrEqual(Math.floor(sent.length / 4));
    // Each sender learns that each of its commands was applied from the change itself (its id on the card).
    await waitFor(() => sent.every((s) => cardCommandId(cardsMap(s.sender.doc).get(s.cardId)) === s.id), 5000, 'every command seen applied');
    for (const s of sent) expect(answersFor(s.sender.raw, s.id)).toBe(0);
  });
});

describe('awareness on a board (ADR 0009: who is there comes from the server)', () => {
  it('goes to no one: renewals between commands cost no frame, and each command’s change still goes out at once', async () => {
    const { raw: watcher } = await member('product');
    const talker = await member('sales2');
    const card = ownCard(talker.doc, 'sales2', 'lead');
    const from = watcher.frames.length;
    const announced = [1, 2, 3, 4, 5].map(() => new Y.Doc().clientID);
    for (const [i, clientId] of announced.entries()) {
      talker.raw.send(announceFrame(BOARD, [{ clientId, clock: 1, state: { cursor: `m${i}` } }]));
      const answer = await talker.raw.command(BOARD, JSON.stringify({ id: randomUUID(), type: 'updateCard', cardId: card.id, fields: { nextStep: `Between ${i}` } }));
      expect(answer.type).toBe('ack');
      await new Promise((r) => setTimeout(r, 15));
    }
    await waitFor(() => updatesSince(watcher, from) === 5, 2000, 'five changes');
    // Longer than Hocuspocus would hold an awareness change before sending it on.
    await new Promise((r) => setTimeout(r, 300));
    expect(watcher.count('awareness', undefined, from)).toBe(0);
    // Nor does the board keep the states for someone who joins later.
    expect(server.hocuspocus.documents.get(BOARD)?.awareness.getStates().size ?? 0).toBe(0);
  });
});
