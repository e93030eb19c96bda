import { asUserId, type CommandAnswer } from '@baton/shared-types';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/passwords';
import { cardOf, connectClient, type TestClient } from './support/client';
import { api, login } from './support/http';
import { startTestServer, type TestServer } from './support/server';

interface ApiError {
  error: { reason: string; message: string };
}

let server: TestServer;
let watcher: TestClient;
let salesToken: string;

beforeAll(async () => {
  server = await startTestServer();
  watcher = await connectClient(server.url, 'manager');
  salesToken = await login(server.url, 'sales');
});
afterAll(async () => {
  watcher?.close();
  await server?.dispose();
});

function expectError(res: { status: number; body: unknown }, status: number, reason: string, message?: RegExp): void {
  expect(res.status).toBe(status);
  const body = res.body as ApiError;
  expect(body.error.reason).toBe(reason);
  expect(body.error.message.split(/\s+/).length).toBeGreaterThanOrEqual(3);
  if (message) expect(body.error.message).toMatch(message);
}

describe('signing in', () => {
  it('reports the server healthy, with the state of its database', async () => {
    expect(await api(server.url, 'GET', '/api/health')).toEqual({ status: 200, body: { ok: true, store: { kind: 'sqlite', ok: true } } });
  });

  it('gives a token and the user, without the password hash, for the right password', async () => {
    const res = await api<{ token: string; expiresAt: number; user: Record<string, unknown> }>(server.url, 'POST', '/api/login', {
      body: { username: 'Sales ', password: 'demo' },
    });
    expect(res.status).toBe(200);
    expect(res.body.token.split('.')).toHaveLength(3);
    expect(res.body.expiresAt).toBeGreaterThan(server.clock.now());
    expect(res.body.user).toEqual({ id: 'sales', username: 'sales', displayName: 'Li Wei', region: 'East', managerId: 'manager' });
  });

  it('refuses a wrong password and an unknown user with the same 401 and message', async () => {
    const wrong = await api(server.url, 'POST', '/api/login', { body: { username: 'sales', password: 'guess' } });
    const unknown = await api(server.url, 'POST', '/api/login', { body: { username: 'nobody', password: 'guess' } });
    expectError(wrong, 401, 'unauthenticated', /Wrong username or password/);
    expect(unknown).toEqual(wrong);
  });

  it('answers a malformed JSON body with 400 and a missing field with 400', async () => {
    expectError(await api(server.url, 'POST', '/api/login', { rawBody: '{"username": "sales", ' }), 400, 'invalid', /not valid JSON/);
    expectError(await api(server.url, 'POST', '/api/login', { body: { username: 'sales' } }), 400, 'invalid', /password/);
  });

  it('refuses a body over 256 KB with 413, and the client’s next request on a kept-alive connection still works', async () => {
    const res = await api(server.url, 'POST', '/api/login', { body: { username: 'sales', password: 'x'.repeat(300 * 1024) } });
    expectError(res, 413, 'too_large', /larger than/);

    // One kept-alive socket, as a browser would reuse it for its next call.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const request = (method: string, path: string, body?: string) =>
      new Promise<number>((resolve, reject) => {
        const headers = body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {};
        const req = http.request(server.url + path, { method, agent, headers }, (r) => {
          r.resume();
          r.on('end', () => resolve(r.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end(body);
      });
    try {
      expect(await request('POST', '/api/login', JSON.stringify({ username: 'sales', password: 'x'.repeat(300 * 1024) }))).toBe(413);
      expect(await request('GET', '/api/health')).toBe(200);
      expect(await request('GET', '/api/health')).toBe(200);
    } finally {
      agent.destroy();
    }
  });

  it('shows the signed-in user and their boards on /api/me, and 401 without a valid token', async () => {
    const me = await api<{ user: Record<string, unknown>; boards: unknown[] }>(server.url, 'GET', '/api/me', { token: salesToken });
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: 'sales', displayName: 'Li Wei' });
    expect(me.body.user).not.toHaveProperty('passwordHash');
    expect(me.body.boards).toEqual([{ id: 'demo', name: 'Enterprise pipeline', role: 'sales' }]);
    expectError(await api(server.url, 'GET', '/api/me'), 401, 'unauthenticated', /Sign in/);
    expectError(await api(server.url, 'GET', '/api/me', { token: 'forged.token.value' }), 401, 'unauthenticated', /not valid/);
  });

  it('lists the demo users and their roles without secrets', async () => {
    const res = await api<{ demo: boolean; users: Array<Record<string, unknown>> }>(server.url, 'GET', '/api/demo-users');
    expect(res.body.demo).toBe(true);
    expect(res.body.users.map((u) => `${String(u.username)}:${String(u.role)}`)).toEqual([
      'sales:sales',
      'sales2:sales',
      'product:product',
      'delivery:delivery',
      'manager:manager',
      'ops:ops',
      'admin:admin',
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|passwordHash/);
  });
});

describe('boards over HTTP', () => {
  let outsiderToken: string;
  beforeAll(async () => {
    await server.store.upsertUser({
      id: asUserId('outsider'),
      username: 'outsider',
      displayName: 'Olga Outsider',
      region: 'HQ',
      managerId: null,
      passwordHash: await hashPassword('letmein'),
    });
    outsiderToken = await login(server.url, 'outsider', 'letmein');
  });

  it('shows a member the board, its members and their own role', async () => {
    const res = await api<{ board: unknown; role: string; epoch: string; members: Array<{ userId: string; role: string; displayName: string }> }>(
      server.url,
      'GET',
      '/api/boards/demo',
      { token: salesToken },
    );
    expect(res.status).toBe(200);
    expect(res.body.board).toEqual({ id: 'demo', name: 'Enterprise pipeline' });
    expect(res.body.role).toBe('sales');
    expect(res.body.epoch.length).toBeGreaterThan(10);
    expect(res.body.members).toHaveLength(7);
    expect(res.body.members).toContainEqual(expect.objectContaining({ userId: 'manager', role: 'manager', displayName: 'Chen Jing' }));
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|passwordHash/);
  });

  it('answers 404, not 403, to a non-member and for a board that does not exist', async () => {
    expectError(await api(server.url, 'GET', '/api/boards/demo', { token: outsiderToken }), 404, 'not_found');
    expectError(await api(server.url, 'GET', '/api/boards/nope', { token: salesToken }), 404, 'not_found');
    expectError(await api(server.url, 'GET', '/api/boards/demo'), 401, 'unauthenticated');
  });

  it('applies an owner’s move sent over HTTP and shows it on a connected websocket client', async () => {
    const card = cardOf(watcher, 'sales', 'quote');
    const res = await api<CommandAnswer>(server.url, 'POST', '/api/boards/demo/commands', {
      token: salesToken,
      body: { id: randomUUID(), type: 'moveCard', cardId: card.id, toStage: 'lead', reason: 'Budget frozen' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'ack', result: { stage: 'lead' } });
    await watcher.waitFor(() => watcher.card(card.id)?.stage === 'lead');
    expect(watcher.column('lead').at(-1)?.id).toBe(card.id);
  });

  it('lists the move in the card’s history, newest first, with actor and from/to', async () => {
    const card = cardOf(watcher, 'sales', 'negotiation');
    const post = await api(server.url, 'POST', '/api/boards/demo/commands', {
      token: salesToken,
      body: { id: randomUUID(), type: 'moveCard', cardId: card.id, toStage: 'quote', reason: 'Discount asked again' },
    });
    expect(post.status).toBe(200);
    const res = await api<{ events: Array<{ type: string; actor: string; at: number; data: Record<string, unknown> }> }>(
      server.url,
      'GET',
      `/api/boards/demo/cards/${card.id}/events`,
      { token: salesToken },
    );
    expect(res.status).toBe(200);
    expect(res.body.events[0]).toMatchObject({ type: 'card.moved', actor: 'sales', data: { from: 'negotiation', to: 'quote', backward: true } });
    expect(res.body.events.at(-1)?.type).toBe('card.created');
    const times = res.body.events.map((e) => e.at);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expectError(await api(server.url, 'GET', `/api/boards/demo/cards/${card.id}/events`, { token: outsiderToken }), 404, 'not_found');
    expectError(await api(server.url, 'GET', '/api/boards/demo/cards/not-a-card/events', { token: salesToken }), 400, 'invalid');
  });

  it('refuses over HTTP exactly what the websocket refuses, with the matching status', async () => {
    const theirs = cardOf(watcher, 'sales2', 'quote');
    const own = cardOf(watcher, 'sales', 'lead');
    const post = (body: unknown, token = salesToken) => api<CommandAnswer>(server.url, 'POST', '/api/boards/demo/commands', { token, body });
    const before = JSON.stringify(watcher.cards());

    const forbidden = await post({ id: randomUUID(), type: 'moveCard', cardId: theirs.id, toStage: 'lead' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ type: 'reject', reason: 'forbidden', message: expect.stringMatching(/only your own cards/) });
    expect((await post({ id: randomUUID(), type: 'updateCard', cardId: own.id, fields: { colour: 'red' } })).status).toBe(400);
    expect((await post({ id: randomUUID(), type: 'updateCard', cardId: own.id, fields: { stage: 'signed' } })).status).toBe(403);
    expect((await post({ id: randomUUID(), type: 'moveCard', cardId: own.id, toStage: 'won_already' })).status).toBe(404);
    const malformed = await api<CommandAnswer>(server.url, 'POST', '/api/boards/demo/commands', { token: salesToken, rawBody: '{"type": "moveCard"' });
    expect(malformed).toMatchObject({ status: 400, body: { type: 'reject', reason: 'invalid' } });
    expectError(await post({ id: randomUUID(), type: 'archiveCard', cardId: own.id }, outsiderToken), 404, 'not_found');
    expectError(await api(server.url, 'POST', '/api/boards/demo/commands', { body: { id: randomUUID(), type: 'archiveCard', cardId: own.id } }), 401, 'unauthenticated');

    // Let the websocket catch up with anything that might (wrongly) have been applied.
    expect((await watcher.send({ type: 'updateCard', cardId: own.id, fields: { nextStep: own.nextStep } })).type).toBe('ack');
    expect(JSON.stringify(watcher.cards())).toBe(before);
  });

  it('answers a command id replayed on the websocket with the answer it got over HTTP', async () => {
    const own = cardOf(watcher, 'sales', 'lead');
    const command = { id: randomUUID(), type: 'updateCard', cardId: own.id, fields: { nextStep: 'Sent from a script' } };
    const first = await api<CommandAnswer>(server.url, 'POST', '/api/boards/demo/commands', { token: salesToken, body: command });
    expect(first).toEqual({ status: 200, body: { type: 'ack', id: command.id } });
    const sales = await connectClient(server.url, 'sales', { token: salesToken });
    try {
      expect(await sales.send(command)).toEqual(first.body);
    } finally {
      sales.close();
    }
    expect((await server.store.listEvents({ boardId: 'demo', cardId: own.id, types: ['card.updated'] })).filter((e) => e.data.after && (e.data.after as { nextStep?: string }).nextStep === 'Sent from a script')).toHaveLength(1);
  });
});

describe('the API outside its routes', () => {
  it('answers an unknown /api route with a JSON 404', async () => {
    expectError(await api(server.url, 'GET', '/api/nope'), 404, 'not_found', /No API route GET \/api\/nope/);
    expectError(await api(server.url, 'DELETE', '/api/health'), 404, 'not_found');
  });

  it('moves the clock on /api/test/clock when started with a fake clock, which expires tokens', async () => {
    const token = await login(server.url, 'product');
    expect((await api(server.url, 'GET', '/api/me', { token })).status).toBe(200);
    const before = server.clock.now();
    const res = await api<{ now: number }>(server.url, 'POST', '/api/test/clock', { body: { advanceMs: 13 * 3600_000 } });
    expect(res.status).toBe(200);
    expect(res.body.now - before).toBeGreaterThanOrEqual(13 * 3600_000);
    expect(server.clock.now()).toBeGreaterThanOrEqual(res.body.now);
    expectError(await api(server.url, 'GET', '/api/me', { token }), 401, 'unauthenticated', /expired/);
    expectError(await api(server.url, 'POST', '/api/test/clock', { body: { advanceMs: -1 } }), 400, 'invalid');
  });

  it('has no /api/test/clock at all on a server started without a fake clock', async () => {
    const real = await startTestServer({ fakeClock: false, demo: false });
    try {
      expectError(await api(real.url, 'POST', '/api/test/clock', { body: { advanceMs: 13 * 3600_000 } }), 404, 'not_found');
      expectError(await api(real.url, 'GET', '/api/test/clock'), 404, 'not_found');
      expect(Math.abs(real.clock.now() - Date.now())).toBeLessThan(1000);
    } finally {
      await real.dispose();
    }
  });
});

describe('document epochs', () => {
  it('are told before connecting, for documents of boards the user belongs to only', async () => {
    const hello = watcher.messages.find((m) => m.type === 'hello');
    const card = watcher.cards()[0]!;
    const salesToken = await login(server.url, 'sales'); // earlier tests moved the clock past the old token
    const res = await api<{ epochs: Record<string, string | null> }>(server.url, 'GET', `/api/epochs?docs=board:demo,pack:${card.id},board:nope,garbage`, {
      token: salesToken,
    });
    expect(res.status).toBe(200);
    expect(res.body.epochs['board:demo']).toBe(hello?.type === 'hello' ? hello.epoch : 'missing hello');
    expect(res.body.epochs['board:nope']).toBeNull();
    expect(res.body.epochs.garbage).toBeNull();
    expect((await api(server.url, 'GET', '/api/epochs?docs=', { token: salesToken })).status).toBe(400);
    expect((await api(server.url, 'GET', '/api/epochs?docs=board:demo')).status).toBe(401);
  });
});
