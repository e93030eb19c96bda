import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FakeClock } from '../src/clock';
import { connectClient, type TestClient } from './support/client';
import { api, login } from './support/http';
import { startTestServer, type TestServer } from './support/server';

const H = 3_600_000;
const BOARD = 'east';
let server: TestServer;
let dataDir: string;
let sales: TestClient;

async function startOn(dir?: string) {
  server = await startTestServer(dir ? { dataDir: dir } : {});
  dataDir = server.dataDir;
}

/** Tokens expire after 12 h of (fake) time, so every call signs in afresh. */
const token = (user: string) => login(server.url, user);

async function advance(ms: number) {
  const res = await api(server.url, 'POST', '/api/test/clock', { body: { advanceMs: ms } });
  expect(res.status).toBe(200);
}

async function notifications(user: string) {
  const res = await api<{ unread: number; notifications: Array<{ id: number; type: string; cardId: string; at: number; read: boolean; data: Record<string, unknown> }> }>(
    server.url,
    'GET',
    '/api/notifications',
    { token: await token(user) },
  );
  expect(res.status).toBe(200);
  return res.body;
}

const forCard = async (user: string, cardId: string, type: string) => (await notifications(user)).notifications.filter((n) => n.cardId === cardId && n.type === type);

async function createCard(fields: Record<string, unknown>): Promise<string> {
  const answer = await sales.send({ type: 'createCard', card: { title: 'Deal', customer: 'Acme', ...fields } });
  if (answer.type !== 'ack') throw new Error(answer.message);
  return String(answer.result?.cardId);
}

beforeAll(async () => {
  await startOn();
  await server.store.createBoard({ id: BOARD as never, name: 'East', createdAt: server.clock.now() });
  for (const [u, role] of [['sales', 'sales'], ['sales2', 'sales'], ['manager', 'manager'], ['ops', 'ops'], ['product', 'product'], ['delivery', 'delivery']] as const) {
    await server.store.setMembership({ boardId: BOARD as never, userId: u as never, role });
  }
  sales = await connectClient(server.url, 'sales', { boardId: BOARD });
});
afterAll(async () => {
  sales?.close();
  await server?.dispose();
});

describe('the 72 h quote clock', () => {
  let cardId = '';
  it('fires at exactly 72 h without an update, to the owner, the owner’s manager and ops, once', async () => {
    // This board's ops lets deals skip the demo files, so a deal can go straight to Quote.
    const ops = await connectClient(server.url, 'ops', { boardId: BOARD });
    expect((await ops.send({ type: 'updateStage', stageId: 'solution_demo', changes: { requirements: [] } })).type).toBe('ack');
    ops.close();
    cardId = await createCard({ contactName: 'A', needSummary: 'B', amount: 1000 });
    expect((await sales.send({ type: 'moveCard', cardId, toStage: 'quote' })).type).toBe('ack');
    await advance(72 * H - 60_000);
    expect(await forCard('sales', cardId, 'sla.quoteStale')).toHaveLength(0);
    await advance(60_000);
    for (const user of ['sales', 'manager', 'ops']) expect(await forCard(user, cardId, 'sla.quoteStale')).toHaveLength(1);
    for (const user of ['sales2', 'product', 'delivery']) expect(await forCard(user, cardId, 'sla.quoteStale')).toHaveLength(0);
    await advance(5 * H);
    expect(await forCard('manager', cardId, 'sla.quoteStale')).toHaveLength(1);
  });

  it('is reset by an update to the card, and fires again 72 h after it', async () => {
    expect((await sales.send({ type: 'updateCard', cardId, fields: { nextStep: 'Chase procurement' } })).type).toBe('ack');
    await advance(71 * H);
    expect(await forCard('sales', cardId, 'sla.quoteStale')).toHaveLength(1);
    await advance(H);
    expect(await forCard('sales', cardId, 'sla.quoteStale')).toHaveLength(2);
  });

  it('neither loses nor repeats an alert across a restart (a deadline passed while down fires after it)', async () => {
    expect((await sales.send({ type: 'updateCard', cardId, fields: { nextStep: 'Before the restart' } })).type).toBe('ack');
    await advance(70 * H);
    sales.close();
    await server.close();
    await startOn(dataDir);
    sales = await connectClient(server.url, 'sales', { boardId: BOARD });
    expect(await forCard('sales', cardId, 'sla.quoteStale')).toHaveLength(2);
    await advance(2 * H);
    expect(await forCard('sales', cardId, 'sla.quoteStale')).toHaveLength(3);
    await server.sla.runOnce();
    expect(await forCard('ops', cardId, 'sla.quoteStale')).toHaveLength(3);
  });
});

describe('handoff clocks and stuck deals', () => {
  it('alerts product and the owner 24 h after a pack is submitted without review', async () => {
    const cardId = await createCard({ contactName: 'A', needSummary: 'Phone QR login', decisionMaker: 'CFO' });
    const manager = await connectClient(server.url, 'manager', { boardId: BOARD });
    expect((await manager.send({ type: 'moveCard', cardId, toStage: 'negotiation', fields: { amount: 5 } })).type).toBe('ack');
    expect((await sales.send({ type: 'submitPack', cardId })).type).toBe('ack');
    manager.close();
    await advance(24 * H - 1000);
    expect(await forCard('product', cardId, 'sla.reviewLate')).toHaveLength(0);
    await advance(1000);
    expect(await forCard('product', cardId, 'sla.reviewLate')).toHaveLength(1);
    expect(await forCard('sales', cardId, 'sla.reviewLate')).toHaveLength(1);
    expect(await forCard('delivery', cardId, 'sla.reviewLate')).toHaveLength(0);
  });

  it('marks a card stuck after 2 days without stage progress and tells its owner', async () => {
    const cardId = await createCard({});
    await advance(48 * H);
    const [n] = await forCard('sales', cardId, 'sla.stuck');
    expect(n?.data).toMatchObject({ rule: 'stuck', title: 'Deal' });
    expect(await forCard('manager', cardId, 'sla.stuck')).toHaveLength(0);
  });

  it('follows per-board thresholds that ops can change (and sales cannot)', async () => {
    expect(await sales.send({ type: 'updateSla', changes: { stuckDays: 1 } })).toMatchObject({ type: 'reject', reason: 'forbidden' });
    const ops = await connectClient(server.url, 'ops', { boardId: BOARD });
    expect((await ops.send({ type: 'updateSla', changes: { stuckDays: 1 } })).type).toBe('ack');
    ops.close();
    const cardId = await createCard({});
    await advance(24 * H);
    expect(await forCard('sales', cardId, 'sla.stuck')).toHaveLength(1);
  });
});

describe('notifications', () => {
  it('list newest first for the signed-in user, with type, card, time and read state, and can be marked read', async () => {
    const before = await notifications('sales');
    expect(before.unread).toBeGreaterThan(0);
    const ats = before.notifications.map((n) => n.id);
    expect([...ats].sort((a, b) => b - a)).toEqual(ats);
    const first = before.notifications[0]!;
    expect(first).toEqual(expect.objectContaining({ type: expect.stringMatching(/^sla\./), cardId: expect.any(String), at: expect.any(Number), read: false }));
    const marked = await api<{ unread: number }>(server.url, 'POST', '/api/notifications/read', { token: await token('sales'), body: { ids: [first.id] } });
    expect(marked.body.unread).toBe(before.unread - 1);
    expect((await api(server.url, 'POST', '/api/notifications/read', { token: await token('sales'), body: { all: true } })).status).toBe(200);
    expect((await notifications('sales')).unread).toBe(0);
    expect((await api(server.url, 'GET', '/api/notifications')).status).toBe(401);
  });

  it('reach a connected owner at once', async () => {
    const cardId = await createCard({});
    await advance(48 * H);
    await sales.waitFor(() => sales.messages.some((m) => m.type === 'notification' && m.notification.cardId === cardId && m.notification.type === 'sla.stuck'), 2000);
  });

  it('fire once when two processes check the same clocks at the same moment', async () => {
    const other = await startTestServer({ dataDir });
    try {
      const cardId = await createCard({});
      await advance(48 * H);
      (other.clock as FakeClock).advance(server.clock.now() - other.clock.now() + 1000);
      await Promise.all([server.sla.runOnce(), other.sla.runOnce()]);
      expect(await forCard('sales', cardId, 'sla.stuck')).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});

describe('the outgoing webhook', () => {
  let receiver: Server;
  const received: Array<{ body: string; headers: IncomingMessage['headers'] }> = [];
  let failuresLeft = 0;
  let url = '';
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        if (failuresLeft > 0) {
          failuresLeft--;
          res.writeHead(503).end();
          return;
        }
        received.push({ body, headers: req.headers });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise<void>((r) => receiver.close(() => r())));
  afterEach(() => (failuresLeft = 0));

  it('delivers each alert as JSON signed with the board’s secret', async () => {
    expect((await api(server.url, 'PUT', `/api/boards/${BOARD}/webhook`, { token: await token('sales'), body: { url } })).status).toBe(403);
    const set = await api<{ secret: string }>(server.url, 'PUT', `/api/boards/${BOARD}/webhook`, { token: await token('ops'), body: { url, secret: 'a-shared-secret-for-tests' } });
    expect(set.status).toBe(200);
    const cardId = await createCard({});
    await advance(48 * H);
    const delivery = await waitForDelivery(cardId);
    const payload = JSON.parse(delivery.body) as { type: string; cardId: string };
    expect(payload).toMatchObject({ type: 'sla.stuck', cardId });
    const ts = String(delivery.headers['x-baton-timestamp']);
    const expected = `sha256=${createHmac('sha256', 'a-shared-secret-for-tests').update(`${ts}.${delivery.body}`).digest('hex')}`;
    expect(delivery.headers['x-baton-signature']).toBe(expected);
  });

  it('retries a failing receiver with backoff until it succeeds, without blocking anything else', async () => {
    failuresLeft = 2;
    const cardId = await createCard({});
    await advance(48 * H);
    const started = Date.now();
    expect((await sales.send({ type: 'updateCard', cardId, fields: { nextStep: 'still responsive' } })).type).toBe('ack');
    expect(Date.now() - started).toBeLessThan(1000);
    await waitForDelivery(cardId, 15_000);
    expect(failuresLeft).toBe(0);
  });

  async function waitForDelivery(cardId: string, timeoutMs = 5000) {
    const start = Date.now();
    for (;;) {
      const hit = received.find((r) => r.body.includes(cardId));
      if (hit) return hit;
      if (Date.now() - start > timeoutMs) throw new Error('no webhook delivery');
      await server.webhooks.tick();
      await new Promise((r) => setTimeout(r, 100));
    }
  }
});
