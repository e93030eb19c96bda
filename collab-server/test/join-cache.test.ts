import { boardDocName } from '@baton/shared-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptyStep1Address } from '../src/boards/joinCache';
import { cardOf, connectClient, type TestClient } from './support/client';
import { login } from './support/http';
import { openRaw, SYNC, syncStep1Frame } from './support/raw';
import { startTestServer, type TestServer } from './support/server';

const BOARD = boardDocName('demo');
let server: TestServer;
let manager: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  manager = await connectClient(server.url, 'manager');
});
afterAll(async () => {
  manager?.close();
  await server?.dispose();
});

/** The board as the server holds it right now. */
const serverState = () => Y.encodeStateAsUpdate(server.hocuspocus.documents.get(BOARD) as Y.Doc);
const sameContent = (a: Y.Doc, b: Y.Doc) => expect(a.getMap('cards').toJSON()).toEqual(b.getMap('cards').toJSON());

describe('joining a loaded board with nothing cached', () => {
  it('gives every newcomer the whole board, including changes made after the shared encoding', async () => {
    const first = await connectClient(server.url, 'sales');
    const card = cardOf(manager, 'sales', 'lead');
    expect((await manager.send({ type: 'updateCard', cardId: card.id, fields: { nextStep: 'After the first join' } })).type).toBe('ack');
    const [second, third] = await Promise.all([connectClient(server.url, 'sales2'), connectClient(server.url, 'product')]);
    try {
      const reference = new Y.Doc();
      Y.applyUpdate(reference, serverState());
      for (const c of [first, second, third]) sameContent(c.doc, reference);
      expect(second.card(card.id)?.nextStep).toBe('After the first join');
      // And they keep up afterwards.
      expect((await manager.send({ type: 'updateCard', cardId: card.id, fields: { nextStep: 'Later' } })).type).toBe('ack');
      await third.waitFor(() => third.card(card.id)?.nextStep === 'Later');
    } finally {
      for (const c of [first, second, third]) c.close();
    }
  });

  it('sends the board before the step 2 that marks the client synced, and only after it is authenticated', async () => {
    const raw = await openRaw(server.url);
    try {
      expect(await raw.authenticate(BOARD, await login(server.url, 'delivery'))).toEqual({ ok: true, scope: 'readonly' });
      const from = raw.frames.length;
      raw.send(syncStep1Frame(BOARD, new Y.Doc()));
      await raw.next('sync', (f) => f.syncType === SYNC.step2, from);
      const syncs = raw.frames.slice(from).filter((f) => f.kind === 'sync');
      const doc = new Y.Doc();
      for (const f of syncs) if (f.kind === 'sync' && f.syncType !== SYNC.step1) Y.applyUpdate(doc, f.payload);
      const reference = new Y.Doc();
      Y.applyUpdate(reference, serverState());
      sameContent(doc, reference);
      const order = syncs.map((f) => (f.kind === 'sync' ? f.syncType : -1)).filter((t) => t !== SYNC.step1);
      expect(order[0]).toBe(SYNC.update);
      expect(order.at(-1)).toBe(SYNC.step2);
    } finally {
      raw.close();
    }
  });

  it('sends nothing of the board to a connection whose token is refused', async () => {
    const raw = await openRaw(server.url);
    try {
      const answer = await raw.authenticate(BOARD, 'not-a-token');
      expect(answer.ok).toBe(false);
      raw.send(syncStep1Frame(BOARD, new Y.Doc()));
      await new Promise((r) => setTimeout(r, 300));
      expect(raw.frames.filter((f) => f.kind === 'sync')).toEqual([]);
    } finally {
      raw.close();
    }
  });
});

describe('recognising a first sync', () => {
  const doc = new Y.Doc();
  it('finds the address of a step 1 with an empty state vector, and nothing else', () => {
    expect(emptyStep1Address(syncStep1Frame(BOARD, doc))).toBe(BOARD);
    expect(emptyStep1Address(syncStep1Frame('board:a\0session-1', doc))).toBe('board:a\0session-1');
    const full = new Y.Doc();
    full.getMap('m').set('k', 1);
    expect(emptyStep1Address(syncStep1Frame(BOARD, full))).toBeNull();
    expect(emptyStep1Address(new Uint8Array([0, 0, 0, 1, 0]))).toBe('');
    expect(emptyStep1Address(new Uint8Array([200, 0, 0, 1, 0]))).toBeNull();
    expect(emptyStep1Address(new Uint8Array([1, 0, 0]))).toBeNull();
  });
});
