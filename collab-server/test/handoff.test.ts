import { cardDocName, type Card, type CommandAnswer } from '@baton/shared-types';
import { findElements, listRequirements, NODES, packContent, planContent, readLights, reviewLights, setLight } from '@baton/shared-types/ydoc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { hashPassword } from '../src/auth/passwords';
import { cardOf, connectClient, waitFor, type TestClient } from './support/client';
import { connectDoc, type DocClient } from './support/docClient';
import { api, login } from './support/http';
import { refusalReason } from './support/refusal';
import { startTestServer, type TestServer } from './support/server';

let server: TestServer;
let manager: TestClient;
let sales: TestClient;
const tokens = new Map<string, string>();
const open: DocClient[] = [];

/** A card of `sales` in Negotiation (it has a handoff pack from the seed path). */
let dealId: string;

beforeAll(async () => {
  server = await startTestServer();
  const hash = await hashPassword('demo');
  for (const [username, role] of [['product2', 'product'], ['outsider', null]] as const) {
    await server.store.upsertUser({ id: username as never, username, displayName: username, region: 'HQ', managerId: null, passwordHash: hash });
    if (role) await server.store.setMembership({ boardId: 'demo' as never, userId: username as never, role });
  }
  for (const u of ['sales', 'sales2', 'product', 'product2', 'delivery', 'manager', 'ops', 'admin', 'outsider']) tokens.set(u, await login(server.url, u));
  manager = await connectClient(server.url, 'manager');
  sales = await connectClient(server.url, 'sales');
  dealId = cardOf(sales, 'sales', 'negotiation').id;
});
afterAll(async () => {
  for (const c of open) c.close();
  manager?.close();
  sales?.close();
  await server?.dispose();
});

async function doc(user: string, name: string): Promise<DocClient> {
  const client = await connectDoc(server.url, tokens.get(user)!, name);
  open.push(client);
  return client;
}

/** Everything a card document holds (its root types must be named to be read). */
const text = (d: Y.Doc) => JSON.stringify({ content: d.getXmlFragment('content').toJSON(), meta: d.getMap('meta').toJSON(), lights: d.getMap('lights').toJSON() });

async function storedText(name: string): Promise<string> {
  const loaded = await server.store.loadDocument(name);
  const d = new Y.Doc();
  if (loaded?.snapshot) Y.applyUpdate(d, loaded.snapshot);
  for (const u of loaded?.updates ?? []) Y.applyUpdate(d, u.data);
  return text(d);
}

/** A write the way an editor would make it: a paragraph at the end of the rich text. */
function typeInto(d: Y.Doc, words: string): void {
  const content = d.getXmlFragment('content');
  const p = new Y.XmlElement(NODES.paragraph);
  p.insert(0, [new Y.XmlText(words)]);
  content.insert(content.length, [p]);
}

describe('who may write the handoff documents', () => {
  const forbidden: Array<[string, 'pack' | 'review' | 'plan']> = [
    ['ops', 'pack'],
    ['admin', 'pack'],
    ['sales2', 'pack'],
    ['sales', 'review'],
    ['delivery', 'review'],
    ['manager', 'review'],
    ['ops', 'review'],
    ['admin', 'review'],
    ['sales', 'plan'],
    ['product', 'plan'],
    ['manager', 'plan'],
    ['ops', 'plan'],
    ['admin', 'plan'],
  ];
  const writers: Record<'pack' | 'review' | 'plan', string> = { pack: 'manager', review: 'product', plan: 'delivery' };

  it.each(forbidden)('%s gets %s read-only: 100 raw writes persist nothing and reach nobody', async (user, kind) => {
    const name = cardDocName(kind, dealId);
    const honest = await doc(writers[kind], name);
    const before = { stored: await storedText(name), rows: await server.store.countUpdates(name), honest: text(honest.doc) };
    const hostile = await doc(user, name);
    expect(hostile.scope).toBe('readonly');
    for (let i = 0; i < 100; i++) {
      if (kind === 'review') setLight(hostile.doc, `forged-${i}`, { color: 'green' });
      else typeInto(hostile.doc, `forged ${i}`);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(await server.store.countUpdates(name)).toBe(before.rows);
    expect(await storedText(name)).toBe(before.stored);
    expect(text(honest.doc)).toBe(before.honest);
    const live = server.hocuspocus.documents.get(name) as Y.Doc;
    expect(text(live)).toBe(before.stored);
    hostile.close();
  });

  it.each<[string, 'pack' | 'review' | 'plan']>([
    ['sales', 'pack'],
    ['manager', 'pack'],
    ['product', 'pack'],
    ['delivery', 'pack'],
    ['product', 'review'],
    ['delivery', 'plan'],
  ])('%s writes %s, and the write is stored before it is acknowledged and reaches the others', async (user, kind) => {
    const name = cardDocName(kind, dealId);
    const reader = await doc('admin', name);
    const writer = await doc(user, name);
    expect(writer.scope).toBe('read-write');
    const marker = `written by ${user} ${Math.random()}`;
    if (kind === 'review') setLight(writer.doc, marker, { color: 'yellow', note: marker });
    else typeInto(writer.doc, marker);
    await writer.settled();
    expect(await storedText(name)).toContain(marker);
    await waitFor(() => text(reader.doc).includes(marker), 2000, 'the reader to see the write');
  });

  it('refuses every document of the board to a user who is not a member', async () => {
    for (const kind of ['board', 'pack', 'review', 'plan'] as const) {
      const name = kind === 'board' ? 'board:demo' : cardDocName(kind, dealId);
      expect(await refusalReason(server.url, name, tokens.get('outsider')!)).toBe('not-a-member');
    }
  });

  it('opens the documents of a card in any stage (empty until the pack is created), and refuses unknown cards', async () => {
    const lead = cardOf(sales, 'sales', 'lead');
    const pack = await doc('product', cardDocName('pack', lead.id));
    expect(packContent(pack.doc).length).toBe(0);
    expect(await refusalReason(server.url, cardDocName('pack', crypto.randomUUID()), tokens.get('sales')!)).toBe('unknown-document');
  });
});

describe('the handoff pack', () => {
  it('is created with its template exactly once, even when two people create it at the same moment', async () => {
    const card = cardOf(sales, 'sales', 'quote');
    await sales.send({ type: 'updateCard', cardId: card.id, fields: { decisionMaker: 'CFO Lee' } });
    await manager.send({ type: 'moveCard', cardId: card.id, toStage: 'negotiation', reason: 'x' });
    const pack = await doc('product', cardDocName('pack', card.id));
    const [a, b] = await Promise.all([sales.send({ type: 'createPack', cardId: card.id }), manager.send({ type: 'createPack', cardId: card.id })]);
    expect([a.type, b.type]).toEqual(['ack', 'ack']);
    await waitFor(() => packContent(pack.doc).length > 0, 2000, 'the template');
    const headings = findElements(packContent(pack.doc), NODES.heading).map((h) => h.toString());
    expect(headings.filter((h) => h.includes('own words'))).toHaveLength(1);
    const rows = findElements(packContent(pack.doc), NODES.decisionRow).map((r) => r.getAttribute('name'));
    expect(rows[0]).toBe('CFO Lee');
    expect(listRequirements(pack.doc)).toHaveLength(1);
  });

  it('is created automatically when a card enters Negotiation, with a plan outline for delivery', async () => {
    expect(sales.card(dealId)?.handoff?.createdAt).toBeGreaterThan(0);
    const plan = await doc('delivery', cardDocName('plan', dealId));
    expect(findElements(planContent(plan.doc), NODES.heading).map((h) => h.getAttribute('section'))).toEqual(['modules', 'dependencies', 'schedule']);
  });

  it('counts the template’s first requirement as unrated as soon as the pack exists, before anyone opens it', async () => {
    const card = cardOf(sales, 'sales', 'quote');
    await sales.send({ type: 'updateCard', cardId: card.id, fields: { decisionMaker: 'COO Wu' } });
    expect((await sales.send({ type: 'moveCard', cardId: card.id, toStage: 'negotiation' })).type).toBe('ack');
    // The move's own update carries the counts; the pack and plan wait until someone opens them.
    expect(sales.card(card.id)?.handoff?.counts).toEqual({ red: 0, yellow: 0, green: 0, unset: 1 });
    expect(server.hocuspocus.documents.has(cardDocName('pack', card.id))).toBe(false);
    expect(server.hocuspocus.documents.has(cardDocName('plan', card.id))).toBe(false);
    const pack = await doc('product', cardDocName('pack', card.id));
    expect(listRequirements(pack.doc)).toHaveLength(1);
  });

  it('takes screenshots from product and delivery (pack writers), but no other files from them', async () => {
    const upload = async (user: string, kind: string) => {
      const form = new FormData();
      form.append('kind', kind);
      form.append('file', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' }), 'shot.png');
      return fetch(`${server.url}/api/boards/demo/cards/${dealId}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${tokens.get(user)}` }, body: form });
    };
    expect((await upload('product', 'screenshot')).status).toBe(201);
    expect((await upload('delivery', 'screenshot')).status).toBe(201);
    expect((await upload('product', 'contract')).status).toBe(403);
    expect((await upload('sales2', 'screenshot')).status).toBe(403);
  });

  it('cannot be created before Negotiation', async () => {
    const card = cardOf(sales, 'sales', 'lead');
    expect(await sales.send({ type: 'createPack', cardId: card.id })).toMatchObject({ type: 'reject', reason: 'conflict' });
  });
});

describe('traffic lights', () => {
  it('from two product users on different requirements at the same moment both survive everywhere', async () => {
    const pack = await doc('sales', cardDocName('pack', dealId));
    const content = packContent(pack.doc);
    const r2 = new Y.XmlElement(NODES.requirement);
    r2.setAttribute('reqId', 'req-offline');
    r2.insert(0, [new Y.XmlText('Offline forms on tablets')]);
    content.insert(content.length, [r2]);
    await pack.settled();
    const [first] = listRequirements(pack.doc);
    const p1 = await doc('product', cardDocName('review', dealId));
    const p2 = await doc('product2', cardDocName('review', dealId));
    setLight(p1.doc, first!.reqId, { color: 'red', note: 'No SSO vendor' });
    setLight(p2.doc, 'req-offline', { color: 'yellow' });
    await Promise.all([p1.settled(), p2.settled()]);
    const watcher = await doc('sales', cardDocName('review', dealId));
    for (const d of [p1.doc, p2.doc, watcher.doc]) {
      await waitFor(() => readLights(d).get(first!.reqId)?.color === 'red' && readLights(d).get('req-offline')?.color === 'yellow', 2000, 'both colours');
    }
  });

  it('show on the board card within 2 s, and are recorded with the authenticated actor and the server’s time', async () => {
    await sales.waitFor(() => sales.card(dealId)?.handoff?.counts.red === 1 && sales.card(dealId)?.handoff?.counts.yellow === 1, 2000);
    const [first] = listRequirements((await doc('sales', cardDocName('pack', dealId))).doc);
    const events = (await server.store.listEvents({ boardId: 'demo', cardId: dealId, types: ['requirement.colored'] })).filter(
      (e) => e.data.reqId === first!.reqId || e.data.reqId === 'req-offline',
    );
    expect(events.map((e) => [e.actor, e.data.to]).sort()).toEqual([
      ['product', 'red'],
      ['product2', 'yellow'],
    ]);
    expect(events.every((e) => Math.abs(e.at - server.clock.now()) < 60_000)).toBe(true);
  });

  it('ignore by/at values a client writes into the document', async () => {
    const p1 = await doc('product', cardDocName('review', dealId));
    const entry = reviewLights(p1.doc).get('req-offline') as Y.Map<unknown>;
    p1.doc.transact(() => {
      entry.set('by', 'ceo');
      entry.set('at', 1);
      entry.set('color', 'green');
    });
    await p1.settled();
    await waitFor(() => server.store.listEvents({ boardId: 'demo', cardId: dealId, types: ['requirement.colored'] }).then(() => true), 1000);
    await new Promise((r) => setTimeout(r, 100));
    const [last] = await server.store.listEvents({ boardId: 'demo', cardId: dealId, types: ['requirement.colored'], newestFirst: true, limit: 1 });
    expect(last).toMatchObject({ actor: 'product', data: { reqId: 'req-offline', from: 'yellow', to: 'green' } });
    expect(last!.at).toBeGreaterThan(1000);
  });
});

describe('submitting, reviewing and planning', () => {
  const send = (c: TestClient, command: Record<string, unknown>): Promise<CommandAnswer> => c.send(command);

  it('stamps product’s response when every requirement of a submission has a colour', async () => {
    expect((await send(sales, { type: 'submitPack', cardId: dealId })).type).toBe('ack');
    await sales.waitFor(() => sales.card(dealId)?.handoff?.submittedAt !== null && sales.card(dealId)?.handoff?.reviewedAt === null);
    await api(server.url, 'POST', '/api/test/clock', { body: { advanceMs: 3 * 3600_000 } });
    const review = await doc('product', cardDocName('review', dealId));
    const pack = await doc('product', cardDocName('pack', dealId));
    for (const r of listRequirements(pack.doc)) if (!readLights(review.doc).get(r.reqId)?.color) setLight(review.doc, r.reqId, { color: 'green' });
    await review.settled();
    const card = await sales.waitFor(() => (sales.card(dealId)?.handoff?.reviewedAt ? sales.card(dealId) : null), 2000);
    const [reviewed] = await server.store.listEvents({ boardId: 'demo', cardId: dealId, types: ['pack.reviewed'] });
    expect(reviewed?.data.responseMs).toBeGreaterThanOrEqual(3 * 3600_000);
    expect(card?.handoff?.counts.unset).toBe(0);
  });

  it('does not count “received, will schedule” as delivery’s plan, and stamps the first real one', async () => {
    const delivery = await connectClient(server.url, 'delivery');
    try {
      const plan = await doc('delivery', cardDocName('plan', dealId));
      const sections = planContent(plan.doc);
      const fill = (i: number, words: string) => (sections.get(i) as Y.XmlElement).insert(0, [new Y.XmlText(words)]);
      fill(1, 'Received, will schedule');
      await plan.settled();
      const refused = await send(delivery, { type: 'postPlan', cardId: dealId });
      // (an earlier test already wrote a line under Schedule)
      expect(refused).toMatchObject({ type: 'reject', reason: 'conflict', details: { missingSections: ['modules', 'dependencies'] } });
      fill(3, 'SCADA gateway before MES link; plant network change window');
      fill(5, 'Weeks 1-2 gateway, weeks 3-6 MES link, week 7 go-live');
      (sections.get(1) as Y.XmlElement).insert(0, [new Y.XmlText('Modules: SCADA gateway, MES connector, OEE dashboards. ')]);
      await plan.settled();
      const posted = await send(delivery, { type: 'postPlan', cardId: dealId });
      expect(posted).toMatchObject({ type: 'ack', result: { version: 1 } });
      const [event] = await server.store.listEvents({ boardId: 'demo', cardId: dealId, types: ['plan.posted'] });
      expect(event).toMatchObject({ actor: 'delivery', data: { version: 1, first: true } });
      expect(await send(sales, { type: 'postPlan', cardId: dealId })).toMatchObject({ type: 'reject', reason: 'forbidden' });
    } finally {
      delivery.close();
    }
  });

  it('refuses Signed while a requirement is red, unless a manager overrides with a reason', async () => {
    const review = await doc('product', cardDocName('review', dealId));
    const [first] = listRequirements((await doc('product', cardDocName('pack', dealId))).doc);
    setLight(review.doc, first!.reqId, { color: 'red' });
    await review.settled();
    await sales.waitFor(() => sales.card(dealId)?.handoff?.counts.red === 1, 2000);
    const refused = await send(sales, { type: 'moveCard', cardId: dealId, toStage: 'signed' });
    expect(refused).toMatchObject({ type: 'reject', reason: 'gate_failed' });
    expect(JSON.stringify(refused)).toContain('no red requirement');
    expect((await send(sales, { type: 'moveCard', cardId: dealId, toStage: 'signed', overrideGate: true, reason: 'x' })).type).toBe('reject');
    const ok = await send(manager, { type: 'moveCard', cardId: dealId, toStage: 'signed', overrideGate: true, reason: 'Customer signed off the SSO risk in writing' });
    expect(ok.type).toBe('ack');
  });
});

describe('the customer timeline', () => {
  it('collects moves, pack submissions, colours, plan versions and files of all the customer’s deals', async () => {
    const card = sales.card(dealId) as Card;
    const res = await api<{ events: Array<{ type: string; cardTitle: string }>; cards: unknown[] }>(
      server.url,
      'GET',
      `/api/boards/demo/customers/${encodeURIComponent(card.customer)}/timeline`,
      { token: tokens.get('sales') },
    );
    expect(res.status).toBe(200);
    const types = new Set(res.body.events.map((e) => e.type));
    for (const t of ['card.moved', 'pack.created', 'pack.submitted', 'requirement.colored', 'plan.posted', 'attachment.added']) expect(types).toContain(t);
    expect(res.body.events[0]?.cardTitle).toBe(card.title);
    const filtered = await api<{ events: Array<{ type: string }> }>(server.url, 'GET', `/api/boards/demo/customers/${encodeURIComponent(card.customer)}/timeline?types=plan.posted`, {
      token: tokens.get('sales'),
    });
    expect(new Set(filtered.body.events.map((e) => e.type))).toEqual(new Set(['plan.posted']));
    expect((await api(server.url, 'GET', `/api/boards/demo/customers/Nobody%20Inc/timeline`, { token: tokens.get('sales') })).status).toBe(404);
    expect((await api(server.url, 'GET', `/api/boards/demo/customers/${encodeURIComponent(card.customer)}/timeline`, { token: tokens.get('outsider') })).status).toBe(404);
  });
});

