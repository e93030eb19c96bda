import { DATABASE_URL, postgresDescribe, rawPool } from '@baton/persistence/testing';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cardOf, connectClient } from './support/client';
import { startTestServer, type TestServer } from './support/server';

const describePg = await postgresDescribe('Baton on PostgreSQL');

describePg('Baton on PostgreSQL (DATABASE_URL)', () => {
  const database = `baton_srv_${randomBytes(5).toString('hex')}`;
  const url = new URL(DATABASE_URL);
  url.pathname = `/${database}`;
  let server: TestServer | null = null;

  beforeAll(async () => {
    const admin = rawPool();
    try {
      await admin.query(`CREATE DATABASE ${database}`);
    } finally {
      await admin.end();
    }
  });
  afterAll(async () => {
    await server?.dispose();
    const admin = rawPool();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  });

  it('seeds the demo board once, syncs a move between clients, and keeps it across a restart', async () => {
    server = await startTestServer({ databaseUrl: url.toString() });
    const a = await connectClient(server.url, 'manager');
    const b = await connectClient(server.url, 'sales');
    const card = cardOf(a, 'sales', 'quote');
    expect((await a.send({ type: 'moveCard', cardId: card.id, toStage: 'lead', reason: 'Budget frozen' })).type).toBe('ack');
    await b.waitFor(() => b.card(card.id)?.stage === 'lead');
    const cards = a.cards().length;
    a.close();
    b.close();
    const dataDir = server.dataDir;
    await server.dispose();
    server = await startTestServer({ databaseUrl: url.toString(), dataDir });
    const c = await connectClient(server.url, 'sales');
    expect(c.card(card.id)?.stage).toBe('lead');
    expect(c.cards()).toHaveLength(cards);
    const health = await (await fetch(`${server.url}/api/health`)).json();
    expect(health).toMatchObject({ ok: true, store: { kind: 'postgres', ok: true } });
    c.close();
  });
});
