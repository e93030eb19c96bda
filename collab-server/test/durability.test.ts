/**
 * Crash safety with a real process: the server runs as `npx tsx collab-server/src/main.ts` in
 * its own process group and is killed with SIGKILL the moment an acknowledgement arrives.
 * DESIGN.md: "kill -9 at any moment loses no acknowledged edit".
 */
import type { Card, CommandAnswer } from '@baton/shared-types';
import { openSqliteStore } from '@baton/persistence/sqlite';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, type TestClient } from './support/client';
import { killAllChildServers, startChildServer, type ChildServer } from './support/child';

let dataDir: string;
let server: ChildServer | null = null;
const clients: TestClient[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'baton-crash-'));
});
afterAll(async () => {
  for (const c of clients) c.close();
  await killAllChildServers();
  await rm(dataDir, { recursive: true, force: true });
});

/** A command and how to see, on a freshly started server, that it took effect. */
interface Sent {
  command: Record<string, unknown> & { id: string };
  holds(card: Card | null): boolean;
}

interface Acked extends Sent {
  answer: CommandAnswer;
}

const acknowledged: Acked[] = [];

async function restart(): Promise<TestClient> {
  server = await startChildServer(dataDir);
  const client = await connectClient(server.url, 'manager');
  clients.push(client);
  return client;
}

/**
 * Sends `batch` without waiting and SIGKILLs the server's process group synchronously inside the
 * handler that receives the `killAfter`-th acknowledgement. Every ack that reached the client
 * (including any already on the wire) is recorded as acknowledged.
 */
async function sendAndKill(client: TestClient, batch: Sent[], killAfter: number): Promise<Acked[]> {
  const running = server!;
  const byId = new Map(batch.map((s) => [s.command.id, s]));
  const acked: Acked[] = [];
  client.provider.on('stateless', ({ payload }: { payload: string }) => {
    const answer = JSON.parse(payload) as CommandAnswer;
    const sent = answer.type === 'ack' ? byId.get(answer.id) : undefined;
    if (!sent) return;
    acked.push({ ...sent, answer });
    if (acked.length === killAfter) running.kill();
  });
  for (const s of batch) void client.send(s.command);
  const killed = await Promise.race([running.exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 10_000))]);
  client.close();
  if (!killed) {
    running.kill();
    throw new Error(`only ${acked.length} of ${batch.length} commands were acknowledged`);
  }
  acknowledged.push(...acked);
  return acked;
}

function lost(client: TestClient, among: Acked[] = acknowledged): string[] {
  return among.filter((a) => !a.holds(client.card(String(a.command.cardId)))).map((a) => `${String(a.command.type)} ${String(a.command.cardId)}`);
}

const edit = (card: Card, tag: string): Sent => {
  const nextStep = `durable ${tag} ${randomUUID().slice(0, 8)}`;
  return {
    command: { id: randomUUID(), type: 'updateCard', cardId: card.id, fields: { nextStep } },
    holds: (c) => c?.nextStep === nextStep,
  };
};

// Backward moves (with the reason they need): never held up by an entry gate, always a visible change.
const moveToLead = (card: Card): Sent => ({
  command: { id: randomUUID(), type: 'moveCard', cardId: card.id, toStage: 'lead', reason: 'Requalify after the crash test' },
  holds: (c) => c?.stage === 'lead',
});

describe('a server killed with SIGKILL right after acknowledging', () => {
  let moveCards: Card[] = [];
  let editCards: Card[] = [];

  it('still has the acknowledged move and edit after a restart', async () => {
    const client = await restart();
    const cards = client.cards().sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(cards.length).toBeGreaterThanOrEqual(40);
    moveCards = cards.filter((c) => c.stage !== 'lead').slice(0, 16);
    editCards = cards.filter((c) => !moveCards.includes(c)).slice(0, 16);
    expect(moveCards).toHaveLength(16);
    expect(editCards).toHaveLength(16);

    const acked = await sendAndKill(client, [moveToLead(moveCards.pop()!), edit(editCards.pop()!, 'first')], 2);
    expect(acked).toHaveLength(2);

    const after = await restart();
    expect(lost(after, acked)).toEqual([]);
  });

  it('loses none of the commands acknowledged across five kill cycles in the middle of a burst', async () => {
    const killPoints = [1, 2, 4, 5, 6];
    let acked = 0;
    for (const [cycle, killAfter] of killPoints.entries()) {
      const client = clients.at(-1)!;
      expect(lost(client), `lost before cycle ${cycle}`).toEqual([]);
      const batch = [0, 1, 2].flatMap(() => [moveToLead(moveCards.pop()!), edit(editCards.pop()!, `cycle ${cycle}`)]);
      acked += (await sendAndKill(client, batch, killAfter)).length;
      await restart();
    }
    expect(acked).toBeGreaterThanOrEqual(killPoints.reduce((a, b) => a + b, 0));
    expect(lost(clients.at(-1)!)).toEqual([]);
  });

  it('answers every acknowledged command id replayed after the restarts with its first answer, changing nothing', async () => {
    const client = clients.at(-1)!;
    const before = JSON.stringify(client.cards());
    const answers = await Promise.all(acknowledged.map((a) => client.send(a.command)));
    expect(answers).toEqual(acknowledged.map((a) => a.answer));
    // One fresh command as a barrier: once its change is visible, any replay's change would be too.
    const barrier = edit(client.cards()[0]!, 'barrier');
    expect((await client.send(barrier.command)).type).toBe('ack');
    await client.waitFor(() => barrier.holds(client.card(String(barrier.command.cardId))));
    const cardsNow = client.cards().map((c) => (c.id === barrier.command.cardId ? { ...c, nextStep: '', updatedAt: 0, lastActivityAt: 0 } : c));
    const cardsBefore = (JSON.parse(before) as Card[]).map((c) => (c.id === barrier.command.cardId ? { ...c, nextStep: '', updatedAt: 0, lastActivityAt: 0 } : c));
    expect(cardsNow).toEqual(cardsBefore);
  });

  it('has every acknowledged command and its event in the database file', async () => {
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);
    server?.kill();
    await server?.exited;
    const store = await openSqliteStore(path.join(dataDir, 'baton.db'));
    try {
      for (const a of acknowledged) {
        const stored = await store.getCommand(a.command.id);
        expect(stored?.answer).toEqual(a.answer);
        const events = await store.listEvents({ boardId: 'demo', cardId: String(a.command.cardId), newestFirst: true, limit: 5 });
        expect(events.some((e) => e.type === (a.command.type === 'moveCard' ? 'card.moved' : 'card.updated') && e.actor === 'manager')).toBe(true);
      }
    } finally {
      await store.close();
    }
  });
});
