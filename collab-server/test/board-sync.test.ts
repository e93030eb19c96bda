import { readCards } from '@baton/shared-types/ydoc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cardOf, connectClient, waitFor, type TestClient } from './support/client';
import { startTestServer, type TestServer } from './support/server';

let server: TestServer;
let a: TestClient;
let b: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  a = await connectClient(server.url, 'manager');
  b = await connectClient(server.url, 'sales');
});
afterAll(async () => {
  a?.close();
  b?.close();
  await server?.dispose();
});

/** The board as the server's own store would load it from disk. */
async function storedCards() {
  const loaded = await server.store.loadDocument('board:demo');
  const doc = new Y.Doc();
  if (loaded?.snapshot) Y.applyUpdate(doc, loaded.snapshot);
  for (const u of loaded?.updates ?? []) Y.applyUpdate(doc, u.data);
  return readCards(doc);
}

describe('a live board shared by two people', () => {
  it('shows the seeded demo board to every member', () => {
    expect(a.cards().length).toBeGreaterThanOrEqual(40);
    expect(b.cards().length).toBe(a.cards().length);
  });

  it('shows a move by one person to the other', async () => {
    const card = cardOf(a, 'sales', 'lead');
    const answer = await a.send({
      type: 'moveCard',
      cardId: card.id,
      toStage: 'needs_confirmed',
      fields: { contactName: 'Wang Fang', needSummary: 'QR-code login on phones for pickers' },
    });
    expect(answer.type).toBe('ack');
    await b.waitFor(() => b.card(card.id)?.stage === 'needs_confirmed');
    expect(b.column('needs_confirmed').at(-1)?.id).toBe(card.id);
  });

  it('delivers a change before its answer, so a sender never sees its card jump back', async () => {
    // Ten commands from two people in the same instant are decided and committed together.
    const cards = [...a.column('quote'), ...a.column('negotiation')].slice(0, 10);
    const salesId = cardOf(a, 'sales', 'lead').ownerId;
    const sent = cards.map((card, i) => ({ client: card.ownerId === salesId ? b : a, card, nextStep: `Call back ${i} ${Date.now()}` }));
    expect(new Set(sent.map((x) => x.client)).size).toBe(2);
    const answers = await Promise.all(
      sent.map(async ({ client, card, nextStep }) => {
        const answer = await client.send({ type: 'updateCard', cardId: card.id, fields: { nextStep } });
        // At the moment the answer arrives, the sender's copy already holds the change.
        return { answer, seen: client.card(card.id)?.nextStep === nextStep };
      }),
    );
    expect(answers.map((x) => x.answer.type)).toEqual(sent.map(() => 'ack'));
    expect(answers.map((x) => x.seen)).toEqual(sent.map(() => true));
    const stored = new Map((await storedCards()).map((c) => [c.id, c.nextStep]));
    for (const { card, nextStep } of sent) expect(stored.get(card.id)).toBe(nextStep);
  });

  it('puts a card exactly between the two cards it was dropped between', async () => {
    const [first, second] = a.column('lead');
    const moving = cardOf(a, 'sales2', 'quote');
    const answer = await a.send({ type: 'moveCard', cardId: moving.id, toStage: 'lead', afterCardId: first!.id, beforeCardId: second!.id, reason: 'Budget not approved' });
    expect(answer.type).toBe('ack');
    await b.waitFor(() => b.card(moving.id)?.stage === 'lead');
    expect(b.column('lead').slice(0, 3).map((c) => c.id)).toEqual([first!.id, moving.id, second!.id]);
  });

  it('ends concurrent moves of one card with it in one column at one position on every client', async () => {
    const card = cardOf(a, 'sales', 'negotiation');
    const [ra, rb] = await Promise.all([
      a.send({ type: 'moveCard', cardId: card.id, toStage: 'solution_demo', reason: 'Needs another demo' }),
      b.send({ type: 'moveCard', cardId: card.id, toStage: 'quote', reason: 'Price reopened' }),
    ]);
    expect([ra.type, rb.type]).toEqual(['ack', 'ack']);
    await waitFor(() => {
      const ca = a.card(card.id);
      const cb = b.card(card.id);
      return ca && cb && ca.stage === cb.stage && ca.rank === cb.rank;
    });
    for (const client of [a, b]) {
      const columns = ['lead', 'needs_confirmed', 'solution_demo', 'quote', 'negotiation', 'signed'].filter((s) =>
        client.column(s).some((c) => c.id === card.id),
      );
      expect(columns).toHaveLength(1);
    }
    const stored = (await storedCards()).find((c) => c.id === card.id);
    expect(stored?.stage).toBe(a.card(card.id)?.stage);
    expect(stored?.rank).toBe(a.card(card.id)?.rank);
  });

  it('gives 20 concurrent moves into the same gap 20 distinct ranks in a consistent order', async () => {
    const a2 = await connectClient(server.url, 'manager');
    const [upper, lower] = a.column('lead');
    const movers = ['needs_confirmed', 'solution_demo', 'quote', 'negotiation'].flatMap((s) => a.column(s)).slice(0, 20);
    expect(movers).toHaveLength(20);
    const answers = await Promise.all(
      movers.map((card, i) =>
        (i % 2 ? a : a2).send({ type: 'moveCard', cardId: card.id, toStage: 'lead', afterCardId: upper!.id, beforeCardId: lower!.id, reason: 'Pipeline review' }),
      ),
    );
    a2.close();
    expect(answers.map((x) => x.type)).toEqual(Array(20).fill('ack'));
    const landed = movers.map((c) => c.id);
    await waitFor(() => landed.every((id) => b.card(id)?.stage === 'lead'));
    const column = b.column('lead');
    const ranks = column.map((c) => c.rank);
    expect(new Set(ranks).size).toBe(ranks.length);
    expect([...ranks].sort()).toEqual(ranks);
    const ids = column.map((c) => c.id);
    const block = ids.slice(ids.indexOf(upper!.id) + 1, ids.indexOf(lower!.id));
    expect(new Set(block)).toEqual(new Set(landed));
    expect(a.column('lead').map((c) => c.id)).toEqual(ids);
  });

  it('edits fields live and records them on disk', async () => {
    const card = cardOf(a, 'sales', 'quote');
    const answer = await b.send({ type: 'updateCard', cardId: card.id, fields: { amount: 123456, nextStep: 'Call procurement' } });
    expect(answer.type).toBe('ack');
    await a.waitFor(() => a.card(card.id)?.amount === 123456);
    expect(a.card(card.id)?.nextStep).toBe('Call procurement');
    expect((await storedCards()).find((c) => c.id === card.id)?.amount).toBe(123456);
    const events = await server.store.listEvents({ boardId: 'demo', cardId: card.id, newestFirst: true, limit: 1 });
    expect(events[0]).toMatchObject({ type: 'card.updated', actor: 'sales', data: { after: { amount: 123456 } } });
  });

  it('creates a card with the id the client chose and acknowledges it', async () => {
    const id = crypto.randomUUID();
    const answer = await b.send({ type: 'createCard', card: { id, title: 'Kiosk rollout', customer: 'Acme Foods', amount: 5000 } });
    expect(answer).toMatchObject({ type: 'ack', result: { cardId: id } });
    const seen = await a.waitFor(() => a.card(id));
    expect(seen).toMatchObject({ stage: 'lead', ownerId: 'sales', title: 'Kiosk rollout', region: 'East', archived: false });
    expect(a.column('lead').at(-1)?.id).toBe(id);
  });

  it('puts a new card on top of the first column when asked to', async () => {
    const first = a.column('lead')[0]!;
    const answer = await a.send({ type: 'createCard', card: { title: 'Urgent inbound lead', customer: 'Acme' }, beforeCardId: first.id });
    expect(answer.type).toBe('ack');
    const id = answer.type === 'ack' ? String(answer.result?.cardId) : '';
    await b.waitFor(() => b.card(id));
    expect(b.column('lead')[0]?.id).toBe(id);
  });

  it('refuses a card id that already belongs to another board', async () => {
    await server.store.createBoard({ id: 'east' as never, name: 'East region', createdAt: Date.now() });
    await server.store.setMembership({ boardId: 'east' as never, userId: 'manager' as never, role: 'manager' });
    const east = await connectClient(server.url, 'manager', { boardId: 'east' });
    try {
      const taken = a.cards()[0]!.id;
      const answer = await east.send({ type: 'createCard', card: { id: taken, title: 'Copy', customer: 'Acme' } });
      expect(answer).toMatchObject({ type: 'reject', reason: 'conflict' });
      expect(east.cards()).toHaveLength(0);
      expect((await east.send({ type: 'createCard', card: { title: 'Fresh', customer: 'Acme' } })).type).toBe('ack');
    } finally {
      east.close();
    }
  });

  it('archives and restores a card', async () => {
    const card = cardOf(b, 'sales', 'signed');
    expect((await b.send({ type: 'archiveCard', cardId: card.id })).type).toBe('ack');
    await a.waitFor(() => a.card(card.id)?.archived === true);
    expect(a.column('signed').some((c) => c.id === card.id)).toBe(false);
    expect((await b.send({ type: 'restoreCard', cardId: card.id })).type).toBe('ack');
    await a.waitFor(() => a.card(card.id)?.archived === false);
  });

  it('refuses to move an archived card, with the reason', async () => {
    const card = cardOf(b, 'sales', 'signed');
    await b.send({ type: 'archiveCard', cardId: card.id });
    const answer = await b.send({ type: 'moveCard', cardId: card.id, toStage: 'lead' });
    expect(answer).toMatchObject({ type: 'reject', reason: 'conflict' });
    await b.send({ type: 'restoreCard', cardId: card.id });
  });

  it('tells every client who is on the board, by their authenticated names', async () => {
    const presence = await a.waitFor(() => {
      const last = [...a.messages].reverse().find((m) => m.type === 'presence');
      return last?.type === 'presence' && last.users.length >= 2 ? last : null;
    });
    expect(presence.users.map((u) => u.displayName).sort()).toEqual(['Chen Jing', 'Li Wei']);
  });

  it('greets each connection with the document epoch and the identity it was given', () => {
    const hello = a.messages.find((m) => m.type === 'hello');
    expect(hello).toMatchObject({ type: 'hello', docName: 'board:demo', user: { id: 'manager', role: 'manager' } });
    expect(hello?.type === 'hello' && hello.epoch.length).toBeGreaterThan(10);
  });
});
