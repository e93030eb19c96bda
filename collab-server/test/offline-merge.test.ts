import { cardDocName, type CommandAnswer } from '@baton/shared-types';
import { NODES, packContent } from '@baton/shared-types/ydoc';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cardOf, connectClient, waitFor, type TestClient } from './support/client';
import { connectDoc, type DocClient } from './support/docClient';
import { startTestServer, type TestServer } from './support/server';

const CLIENTS = 10;
const EDITS = 200;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.dispose();
});

interface OfflineClient {
  board: TestClient;
  pack: DocClient;
  queued: Array<Record<string, unknown>>;
  tokens: string[];
  texts: string[];
}

const hasText = (doc: Y.Doc, token: string) => JSON.stringify(packContent(doc).toJSON()).includes(token);

describe('many clients editing offline, then reconnecting in random order', () => {
  it('ends with every accepted change on every client and in the database, and each command applied once', async () => {
    const seedClient = await connectClient(server.url, 'manager');
    const dealId = cardOf(seedClient, 'sales', 'negotiation').id;
    const targets = seedClient.cards().filter((c) => !c.archived).slice(0, 30);
    seedClient.close();

    const clients: OfflineClient[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const board = await connectClient(server.url, 'manager');
      const pack = await connectDoc(server.url, board.token, cardDocName('pack', dealId));
      clients.push({ board, pack, queued: [], tokens: [], texts: [] });
    }
    // Everyone goes offline and works.
    for (const c of clients) {
      c.board.provider.disconnect();
      c.pack.provider.disconnect();
    }
    for (const [i, c] of clients.entries()) {
      for (let e = 0; e < EDITS; e++) {
        const token = `c${i}e${e}-${randomUUID().slice(0, 8)}`;
        if (e % 2 === 0) {
          c.queued.push({ id: randomUUID(), type: 'updateCard', cardId: targets[(i * 7 + e) % targets.length]!.id, fields: { nextStep: token } });
          c.tokens.push(token);
        } else {
          const p = new Y.XmlElement(NODES.paragraph);
          p.insert(0, [new Y.XmlText(token)]);
          const content = packContent(c.pack.doc);
          content.insert(content.length, [p]);
          c.texts.push(token);
        }
      }
    }
    // Back online in random order; each outbox is replayed in order, and replayed again (a
    // retry after a lost ack) — the server must apply each command once.
    const order = [...clients].sort(() => Math.random() - 0.5);
    const answers = new Map<string, CommandAnswer>();
    await Promise.all(
      order.map(async (c, n) => {
        await new Promise((r) => setTimeout(r, n * 20));
        c.board.provider.connect();
        c.pack.provider.connect();
        await waitFor(() => c.board.provider.isSynced && c.pack.provider.isSynced, 10_000, 'reconnect');
        for (const command of c.queued) answers.set(String(command.id), await c.board.send(command));
        for (const command of c.queued.slice(0, 20)) expect(await c.board.send(command)).toEqual(answers.get(String(command.id)));
        await c.pack.settled(10_000);
      }),
    );

    expect([...answers.values()].every((a) => a.type === 'ack')).toBe(true);
    // The last write to each card wins; every token was applied as an event exactly once.
    const events = await server.store.listEvents({ boardId: 'demo', types: ['card.updated'], limit: 10_000 });
    const applied = new Map<string, number>();
    for (const e of events) {
      const step = (e.data.after as { nextStep?: string } | undefined)?.nextStep;
      if (step) applied.set(step, (applied.get(step) ?? 0) + 1);
    }
    const allTokens = clients.flatMap((c) => c.tokens);
    // Every token is new to its card, so every command changed something and was applied exactly once.
    for (const t of allTokens) expect(applied.get(t)).toBe(1);
    const ids = [...answers.keys()];
    const stored = await Promise.all(ids.map((id) => server.store.getCommand(id)));
    expect(stored.filter((s) => s !== null)).toHaveLength(ids.length);
    // The server's count of applied commands equals the number of unique command ids.
    const seqs = stored.map((s) => s?.seq).filter((s): s is number => s !== null && s !== undefined);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs.length).toBe(new Set(ids).size);

    // Every client converges on the same board and the same pack, holding every text token.
    const allTexts = clients.flatMap((c) => c.texts);
    await waitFor(() => clients.every((c) => allTexts.every((t) => hasText(c.pack.doc, t))), 15_000, 'all text on every client');
    const boards = clients.map((c) => JSON.stringify(c.board.cards().map((x) => [x.id, x.nextStep]).sort()));
    await waitFor(() => new Set(clients.map((c) => JSON.stringify(c.board.cards().map((x) => [x.id, x.nextStep]).sort()))).size === 1, 10_000, 'the same board');
    expect(boards.length).toBe(CLIENTS);

    // ...and so does the database.
    const loaded = await server.store.loadDocument(cardDocName('pack', dealId));
    const doc = new Y.Doc();
    if (loaded?.snapshot) Y.applyUpdate(doc, loaded.snapshot);
    for (const u of loaded?.updates ?? []) Y.applyUpdate(doc, u.data);
    for (const t of allTexts) expect(hasText(doc, t)).toBe(true);
    const finalSteps = new Set(clients[0]!.board.cards().map((c) => c.nextStep));
    for (const t of finalSteps) if (t.includes('-')) expect(applied.has(t)).toBe(true);

    for (const c of clients) {
      c.board.close();
      c.pack.close();
    }
  }, 120_000);
});
