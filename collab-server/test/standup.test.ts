import { cardHealth, speakerRemainingMs } from '@baton/shared-types';
import { readSla, readStandupState } from '@baton/shared-types/ydoc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, type TestClient } from './support/client';
import { api } from './support/http';
import { startTestServer, type TestServer } from './support/server';

let server: TestServer;
let manager: TestClient;
let sales: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  manager = await connectClient(server.url, 'manager');
  sales = await connectClient(server.url, 'sales');
});
afterAll(async () => {
  manager?.close();
  sales?.close();
  await server?.dispose();
});

describe('standup mode', () => {
  it('is started by a manager, on the owners of stuck deals only, and every screen shows the same state', async () => {
    expect(await sales.send({ type: 'startStandup' })).toMatchObject({ type: 'reject', reason: 'forbidden' });
    expect((await manager.send({ type: 'startStandup' })).type).toBe('ack');
    const state = await sales.waitFor(() => readStandupState(sales.doc)?.active && readStandupState(sales.doc));
    const stuckOwners = new Set(
      manager.cards().filter((c) => !c.archived && cardHealth(c, readSla(manager.doc), server.clock.now()).stuck).map((c) => c.ownerId),
    );
    expect(new Set(state.speakers)).toEqual(stuckOwners);
    expect(state.speakers).toEqual(['sales2', 'sales']); // Emma Carter before Li Wei
    expect(state).toMatchObject({ facilitatorId: 'manager', index: 0, durationMs: 90_000 });
    expect(JSON.stringify(readStandupState(manager.doc))).toBe(JSON.stringify(state));
  });

  it('counts each speaker’s 90 s from a server-stamped start, down to 0', async () => {
    const state = readStandupState(sales.doc)!;
    expect(Math.abs(state.speakerStartedAt - server.clock.now())).toBeLessThan(5000);
    await api(server.url, 'POST', '/api/test/clock', { body: { advanceMs: 90_000 } });
    await sales.waitFor(() => sales.messages.some((m) => m.type === 'clock'));
    expect(speakerRemainingMs(state, server.clock.now())).toBe(0);
  });

  it('moves to the next and previous speaker only by the facilitator, restarting the timer', async () => {
    expect(await sales.send({ type: 'standupStep', step: 'next' })).toMatchObject({ type: 'reject', reason: 'forbidden' });
    expect((await manager.send({ type: 'standupStep', step: 'next' })).type).toBe('ack');
    const next = await sales.waitFor(() => readStandupState(sales.doc)?.index === 1 && readStandupState(sales.doc));
    expect(speakerRemainingMs(next, server.clock.now())).toBeGreaterThan(85_000);
    expect(await manager.send({ type: 'standupStep', step: 'next' })).toMatchObject({ type: 'reject', reason: 'conflict' });
    expect((await manager.send({ type: 'standupStep', step: 'previous' })).type).toBe('ack');
    await sales.waitFor(() => readStandupState(sales.doc)?.index === 0);
  });

  it('captures the three prompts as notes on the card, for everyone to see', async () => {
    const card = sales.cards().find((c) => c.ownerId === 'sales' && cardHealth(c, readSla(sales.doc), server.clock.now()).stuck)!;
    expect((await sales.send({ type: 'standupNote', cardId: card.id, prompt: 'stuck', text: 'Waiting for the security review' })).type).toBe('ack');
    expect((await manager.send({ type: 'standupNote', cardId: card.id, prompt: 'help', text: 'Product to call their CISO' })).type).toBe('ack');
    expect((await sales.send({ type: 'standupNote', cardId: card.id, prompt: 'today', text: 'Send the SOC 2 report' })).type).toBe('ack');
    const notes = await manager.waitFor(() => manager.card(card.id)?.standupNotes?.today === 'Send the SOC 2 report' && manager.card(card.id)?.standupNotes);
    expect(notes).toMatchObject({ stuck: 'Waiting for the security review', help: 'Product to call their CISO', by: 'sales' });
    const theirs = sales.cards().find((c) => c.ownerId === 'sales2')!;
    expect(await sales.send({ type: 'standupNote', cardId: theirs.id, prompt: 'stuck', text: 'x' })).toMatchObject({ type: 'reject', reason: 'forbidden' });
  });

  it('ends when the facilitator ends it', async () => {
    expect((await manager.send({ type: 'standupStep', step: 'end' })).type).toBe('ack');
    await sales.waitFor(() => readStandupState(sales.doc)?.active === false);
    expect(await manager.send({ type: 'standupStep', step: 'next' })).toMatchObject({ type: 'reject', reason: 'conflict' });
  });
});
