// Hostile clients: Replays, roles and ownership, awareness identity and who may connect.
import { asBoardId, asUserId, cardDocName, userColor } from '@baton/shared-types';
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hashPassword } from '../src/auth/passwords';
import { FakeClock } from '../src/clock';
import { cardOf, connectClient, waitFor, type TestClient } from './support/client';
import { connectDoc, type DocClient } from './support/docClient';
import { login } from './support/http';
import { announceFrame, openRaw, type RawClient } from './support/raw';
import { refusalReason } from './support/refusal';
import { type TestServer } from './support/server';

import { DOC, expectRefusal, useHostileFixture, withTimeout } from './support/hostileFixture';

const f = useHostileFixture();
const { fingerprint, rawMember, connect, track } = f;
let server: TestServer;
let manager: TestClient;
let sales: TestClient;
beforeAll(() => {
  ({ server, manager, sales } = f);
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
    const original = store.commitCommands;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered = () => {};
    const inside = new Promise<void>((resolve) => (entered = resolve));
    store.commitCommands = async (batch) => {
      store.commitCommands = original;
      entered();
      await held;
      return original.call(store, batch);
    };
    try {
      const mine = sales.send({ id, type: 'updateCard', cardId: own.id, fields: { nextStep: 'Racing' } });
      await withTimeout(inside, 3000, 'the first command');
      const theirs = await withTimeout(manager.send({ id, type: 'updateCard', cardId: other.id, fields: { nextStep: 'Racing too' } }), 3000, 'the second use of the id');
      expectRefusal(theirs, 'conflict', /already used/);
      release();
      expect(await mine).toEqual({ type: 'ack', id });
    } finally {
      store.commitCommands = original;
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
    // Accepted while a member (the server now holds the board's members), refused right after removal.
    expect((await sales2.send({ type: 'updateCard', cardId: card.id, fields: { nextStep: 'Still here' } })).type).toBe('ack');
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
  /** Awareness lives on card documents (carets in the handoff pack); a board carries none (ADR 0009). */
  async function onPack(): Promise<{ pack: string; salesPack: DocClient; managerPack: DocClient; attacker: RawClient }> {
    const pack = cardDocName('pack', cardOf(sales, 'sales', 'lead').id);
    const salesPack = await connectDoc(server.url, await login(server.url, 'sales'), pack);
    const managerPack = await connectDoc(server.url, await login(server.url, 'manager'), pack);
    opened.push(salesPack, managerPack);
    // Another rep may read the pack, not write it: a read-only connection may still announce itself.
    const attacker = track(await openRaw(server.url));
    expect(await attacker.authenticate(pack, await login(server.url, 'sales2'))).toEqual({ ok: true, scope: 'readonly' });
    return { pack, salesPack, managerPack, attacker };
  }
  const opened: DocClient[] = [];
  afterAll(() => opened.forEach((c) => c.close()));
  const statesOf = (c: DocClient) => c.provider.awareness?.getStates();

  it('shows others the authenticated identity, whatever name a client claims', async () => {
    const { pack, salesPack, managerPack, attacker } = await onPack();
    const identity = { id: 'sales', name: 'Li Wei', color: userColor('sales'), role: 'sales' };
    salesPack.provider.setAwarenessField('user', { name: 'CEO', id: 'admin', role: 'admin' });
    await waitFor(() => JSON.stringify(statesOf(managerPack)?.get(salesPack.doc.clientID)?.user) === JSON.stringify(identity));

    // The same claim hand-built on a raw socket.
    const fake = new Y.Doc();
    attacker.send(announceFrame(pack, [{ clientId: fake.clientID, clock: 1, state: { user: { name: 'CEO', id: 'admin', role: 'admin' }, cursor: null } }]));
    const seen = await waitFor(() => statesOf(managerPack)?.get(fake.clientID));
    expect(seen.user).toEqual({ id: 'sales2', name: 'Emma Carter', color: userColor('sales2'), role: 'sales' });
  });

  it('does not let one client overwrite the presence entry of another client', async () => {
    const { pack, salesPack, managerPack, attacker } = await onPack();
    const victim = salesPack.doc.clientID;
    salesPack.provider.setAwarenessField('cursor', 'card-1');
    await waitFor(() => statesOf(managerPack)?.get(victim)?.cursor === 'card-1');
    const victimClock = salesPack.provider.awareness?.meta.get(victim)?.clock ?? 0;

    const own = new Y.Doc().clientID;
    attacker.send(
      announceFrame(pack, [
        { clientId: victim, clock: victimClock + 100, state: { cursor: 'hijacked' } },
        { clientId: own, clock: victimClock + 100, state: { cursor: 'marker' } },
      ]),
    );
    // The attacker's own entry arrives, so the update was handled...
    await waitFor(() => statesOf(managerPack)?.get(own)?.cursor === 'marker');
    // ...but the victim's entry is untouched, for others and for the victim itself.
    expect(statesOf(managerPack)?.get(victim)).toMatchObject({ cursor: 'card-1', user: { id: 'sales' } });
    expect(salesPack.provider.awareness?.getLocalState()?.cursor).toBe('card-1');
  });

  it('on a board reaches no one, whoever it claims to be', async () => {
    const { raw } = await rawMember('sales2');
    raw.send(announceFrame(DOC, [{ clientId: new Y.Doc().clientID, clock: 1, state: { user: { name: 'CEO', id: 'admin', role: 'admin' } } }]));
    // A command on the same socket after it: once its change is at the manager, the announcement was handled.
    const card = cardOf(manager, 'sales2', 'lead');
    const answer = await raw.command(DOC, JSON.stringify({ id: randomUUID(), type: 'updateCard', cardId: card.id, fields: { nextStep: 'After the claim' } }));
    expect(answer.type).toBe('ack');
    await manager.waitFor(() => manager.card(card.id)?.nextStep === 'After the claim');
    await new Promise((r) => setTimeout(r, 100));
    expect(manager.provider.awareness?.getStates().size ?? 0).toBeLessThanOrEqual(1); // its own state only
    expect(server.hocuspocus.documents.get(DOC)?.awareness.getStates().size).toBe(0);
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
