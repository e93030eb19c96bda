import { DEFAULT_STAGES, missingForStage, type Card, type CommandAnswer, type StageConfig } from '@baton/shared-types';
import { readCards, readStages } from '@baton/shared-types/ydoc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cardOf, connectClient, type TestClient } from './support/client';
import { api, login } from './support/http';
import { startTestServer, type TestServer } from './support/server';

let server: TestServer;
let sales: TestClient;
let manager: TestClient;
let ops: TestClient;
let salesToken: string;

beforeAll(async () => {
  server = await startTestServer();
  sales = await connectClient(server.url, 'sales');
  manager = await connectClient(server.url, 'manager');
  ops = await connectClient(server.url, 'ops');
  salesToken = await login(server.url, 'sales');
});
afterAll(async () => {
  for (const c of [sales, manager, ops]) c?.close();
  await server?.dispose();
});

async function storedState(): Promise<string> {
  const loaded = await server.store.loadDocument('board:demo');
  const doc = new Y.Doc();
  if (loaded?.snapshot) Y.applyUpdate(doc, loaded.snapshot);
  for (const u of loaded?.updates ?? []) Y.applyUpdate(doc, u.data);
  return JSON.stringify({ cards: readCards(doc).sort((a, b) => (a.id < b.id ? -1 : 1)), stages: readStages(doc) });
}

const missingOf = (answer: CommandAnswer) =>
  answer.type === 'reject' ? ((answer.details?.missing as Array<{ label: { en: string } }> | undefined) ?? []).map((m) => m.label.en) : [];

/** Waits until both clients have everything the server's live document has. */
async function settled() {
  const live = server.hocuspocus.documents.get('board:demo') as Y.Doc;
  const sv = () => Buffer.from(Y.encodeStateVector(live)).toString('hex');
  for (const c of [sales, manager]) await c.waitFor(() => Buffer.from(Y.encodeStateVector(c.doc)).toString('hex') === sv());
}

/** Sends a move that must be refused by the gate, and checks nothing changed anywhere. */
async function expectGateRefusal(client: TestClient, command: Record<string, unknown>, missing: string[]) {
  await settled();
  const before = await storedState();
  const otherBefore = JSON.stringify(manager.cards());
  const answer = await client.send(command);
  expect(answer).toMatchObject({ type: 'reject', reason: 'gate_failed' });
  expect(missingOf(answer)).toEqual(missing);
  expect(await storedState()).toBe(before);
  await new Promise((r) => setTimeout(r, 50));
  expect(JSON.stringify(manager.cards())).toBe(otherBefore);
}

async function upload(cardId: string, kind: string, opts: { name?: string; type?: string; bytes?: Uint8Array; token?: string } = {}) {
  const form = new FormData();
  form.append('kind', kind);
  const bytes = opts.bytes ?? new TextEncoder().encode(`${kind} for ${cardId}`);
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: opts.type ?? 'text/plain' }), opts.name ?? `${kind}.txt`);
  const res = await fetch(`${server.url}/api/boards/demo/cards/${cardId}/attachments`, {
    method: 'POST',
    headers: { authorization: `Bearer ${opts.token ?? salesToken}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { attachment?: { id: string }; error?: { message: string } } };
}

describe('seeded demo data', () => {
  it('satisfies the entry gates of every stage each card has passed', () => {
    const stages = readStages(sales.doc);
    for (const card of sales.cards()) {
      const index = stages.findIndex((s) => s.id === card.stage);
      const missing = stages.slice(1, index + 1).flatMap((s) => missingForStage(s, card));
      expect({ card: card.title, missing }).toEqual({ card: card.title, missing: [] });
    }
  });
});

describe('stage gates on the server', () => {
  it('refuses Lead -> Needs confirmed without contact and needs, then accepts the same move with them', async () => {
    const card = cardOf(sales, 'sales', 'lead');
    await expectGateRefusal(sales, { type: 'moveCard', cardId: card.id, toStage: 'needs_confirmed' }, ['Contact name', 'Customer needs']);
    const ok = await sales.send({ type: 'moveCard', cardId: card.id, toStage: 'needs_confirmed', fields: { contactName: 'Wang Fang', needSummary: 'Phone QR-code login' } });
    expect(ok.type).toBe('ack');
    await manager.waitFor(() => manager.card(card.id)?.stage === 'needs_confirmed' && manager.card(card.id)?.contactName === 'Wang Fang');
  });

  it('refuses Needs confirmed -> Solution demo until both attachments are on the card', async () => {
    const card = cardOf(sales, 'sales', 'needs_confirmed');
    const move = { type: 'moveCard', cardId: card.id, toStage: 'solution_demo' };
    await expectGateRefusal(sales, move, ['Customer pain-point list', 'Competitor comparison']);
    expect((await upload(card.id, 'pain_points')).status).toBe(201);
    await expectGateRefusal(sales, move, ['Competitor comparison']);
    const second = await upload(card.id, 'other', { name: 'vs-competitors.pdf', type: 'application/pdf' });
    expect(second.status).toBe(201);
    await expectGateRefusal(sales, move, ['Competitor comparison']);
    const tag = await sales.send({ type: 'tagAttachment', cardId: card.id, attachmentId: second.body.attachment!.id, kind: 'competitor_comparison' });
    expect(tag.type).toBe('ack');
    expect((await sales.send(move)).type).toBe('ack');
  });

  it('refuses Solution demo -> Quote without an amount', async () => {
    const card = cardOf(sales, 'sales', 'solution_demo');
    await sales.send({ type: 'updateCard', cardId: card.id, fields: { amount: null } });
    await expectGateRefusal(sales, { type: 'moveCard', cardId: card.id, toStage: 'quote' }, ['Amount']);
    expect((await sales.send({ type: 'moveCard', cardId: card.id, toStage: 'quote', fields: { amount: 99000 } })).type).toBe('ack');
  });

  it('refuses Quote -> Negotiation without a decision maker', async () => {
    const card = sales.column('quote').find((c) => c.ownerId === 'sales' && !c.decisionMaker) as Card;
    await expectGateRefusal(sales, { type: 'moveCard', cardId: card.id, toStage: 'negotiation' }, ['Decision maker']);
    expect((await sales.send({ type: 'moveCard', cardId: card.id, toStage: 'negotiation', fields: { decisionMaker: 'CFO Lee' } })).type).toBe('ack');
  });

  it('checks every stage a multi-stage jump passes and lists all that is missing', async () => {
    const card = sales.column('lead').find((c) => c.ownerId === 'sales') as Card;
    await expectGateRefusal(sales, { type: 'moveCard', cardId: card.id, toStage: 'quote', fields: { contactName: 'A' } }, [
      'Customer needs',
      'Customer pain-point list',
      'Competitor comparison',
    ]);
  });

  it('holds managers to the gates too (the rule is the process, not the role)', async () => {
    const card = cardOf(manager, 'sales2', 'lead');
    await expectGateRefusal(manager, { type: 'moveCard', cardId: card.id, toStage: 'needs_confirmed' }, ['Contact name', 'Customer needs']);
  });

  it('needs a reason to move a card back, and records it in the card history', async () => {
    const card = cardOf(sales, 'sales', 'quote');
    const refused = await sales.send({ type: 'moveCard', cardId: card.id, toStage: 'solution_demo' });
    expect(refused).toMatchObject({ type: 'reject', reason: 'gate_failed', details: { needsReason: true } });
    expect((await sales.send({ type: 'moveCard', cardId: card.id, toStage: 'solution_demo', reason: '   ' })).type).toBe('reject');
    expect((await sales.send({ type: 'moveCard', cardId: card.id, toStage: 'solution_demo', reason: 'Customer wants a second demo' })).type).toBe('ack');
    const history = await api<{ events: Array<{ type: string; data: Record<string, unknown> }> }>(server.url, 'GET', `/api/boards/demo/cards/${card.id}/events`, {
      token: salesToken,
    });
    expect(history.body.events[0]).toMatchObject({ type: 'card.moved', data: { from: 'quote', to: 'solution_demo', backward: true, reason: 'Customer wants a second demo' } });
  });

  it('applies the same gates to commands sent over HTTP', async () => {
    const card = cardOf(sales, 'sales', 'lead');
    const res = await api<CommandAnswer>(server.url, 'POST', '/api/boards/demo/commands', {
      token: salesToken,
      body: { id: crypto.randomUUID(), type: 'moveCard', cardId: card.id, toStage: 'needs_confirmed' },
    });
    expect(res.status).toBe(409);
    expect(missingOf(res.body)).toEqual(['Contact name', 'Customer needs']);
  });
});

describe('stage configuration', () => {
  const fastLane = {
    id: 'fast_lane',
    label: { en: 'Fast lane', zh: '快速通道' },
    color: '#14b8a6',
    requirements: [{ kind: 'field', field: 'custom.acceptsStandardSow' }],
    approverRole: 'manager',
    customFields: [{ key: 'acceptsStandardSow', label: { en: 'Accepts standard SOW', zh: '接受标准SOW' }, type: 'boolean' }],
  };

  it('cannot be changed by sales or managers', async () => {
    for (const client of [sales, manager]) {
      const answer = await client.send({ type: 'addStage', stage: fastLane, afterStageId: 'quote' });
      expect(answer).toMatchObject({ type: 'reject', reason: 'forbidden' });
    }
    expect(readStages(sales.doc).map((s) => s.id)).toEqual(DEFAULT_STAGES.map((s) => s.id));
  });

  it('lets ops add a Fast lane that every connected client sees live, with its own gate', async () => {
    expect((await ops.send({ type: 'addStage', stage: fastLane, afterStageId: 'quote' })).type).toBe('ack');
    await sales.waitFor(() => readStages(sales.doc).some((s) => s.id === 'fast_lane'));
    expect(readStages(manager.doc).map((s) => s.id)).toEqual(['lead', 'needs_confirmed', 'solution_demo', 'quote', 'fast_lane', 'negotiation', 'signed']);
    const card = sales.column('quote').find((c) => c.ownerId === 'sales') as Card;
    await expectGateRefusal(sales, { type: 'moveCard', cardId: card.id, toStage: 'fast_lane' }, ['Accepts standard SOW']);
    const wrongType = await sales.send({ type: 'updateCard', cardId: card.id, fields: { customFields: { acceptsStandardSow: 'yes' } } });
    expect(wrongType).toMatchObject({ type: 'reject', reason: 'invalid' });
    const unknown = await sales.send({ type: 'updateCard', cardId: card.id, fields: { customFields: { bribe: true } } });
    expect(unknown).toMatchObject({ type: 'reject', reason: 'invalid' });
    expect((await sales.send({ type: 'moveCard', cardId: card.id, toStage: 'fast_lane', fields: { customFields: { acceptsStandardSow: true } } })).type).toBe('ack');
  });

  it('refuses requirements that name no real field', async () => {
    const answer = await ops.send({ type: 'updateStage', stageId: 'quote', changes: { requirements: [{ kind: 'field', field: 'rank' }] } });
    expect(answer).toMatchObject({ type: 'reject', reason: 'invalid' });
  });

  it('retires a stage only once its cards have been moved out, saying how many are left', async () => {
    const inLane = sales.column('fast_lane');
    const refused = await ops.send({ type: 'retireStage', stageId: 'fast_lane' });
    expect(refused).toMatchObject({ type: 'reject', reason: 'conflict', details: { count: inLane.length } });
    expect(refused.type === 'reject' && refused.message).toMatch(/1 card is still in Fast lane/);
    for (const card of inLane) expect((await manager.send({ type: 'moveCard', cardId: card.id, toStage: 'quote', reason: 'Lane closed' })).type).toBe('ack');
    expect((await ops.send({ type: 'retireStage', stageId: 'fast_lane' })).type).toBe('ack');
    await sales.waitFor(() => readStages(sales.doc).find((s) => s.id === 'fast_lane')?.retired === true);
    const card = cardOf(sales, 'sales', 'quote');
    expect(await sales.send({ type: 'moveCard', cardId: card.id, toStage: 'fast_lane' })).toMatchObject({ type: 'reject', reason: 'not_found' });
  });

  it('renames and reorders stages, and new gates apply at once', async () => {
    expect((await ops.send({ type: 'updateStage', stageId: 'quote', changes: { label: { en: 'Proposal', zh: '报价' } } })).type).toBe('ack');
    await manager.waitFor(() => readStages(manager.doc).find((s) => s.id === 'quote')?.label.en === 'Proposal');
    expect((await ops.send({ type: 'moveStage', stageId: 'signed', toIndex: 0 })).type).toBe('ack');
    await manager.waitFor(() => readStages(manager.doc)[0]?.id === 'signed');
    expect((await ops.send({ type: 'moveStage', stageId: 'signed', toIndex: 99 })).type).toBe('ack');
    await manager.waitFor(() => readStages(manager.doc).at(-1)?.id === 'signed');
  });
});

describe('WIP limits', () => {
  it('refuse a move into a full column unless a manager overrides with a reason', async () => {
    const count = sales.column('negotiation').length;
    expect((await ops.send({ type: 'updateStage', stageId: 'negotiation', changes: { wipLimit: count } })).type).toBe('ack');
    await sales.waitFor(() => (readStages(sales.doc).find((s) => s.id === 'negotiation') as StageConfig).wipLimit === count);
    const card = cardOf(sales, 'sales2', 'quote');
    await manager.send({ type: 'updateCard', cardId: card.id, fields: { decisionMaker: 'COO Wu' } });
    const refused = await manager.send({ type: 'moveCard', cardId: card.id, toStage: 'negotiation' });
    expect(refused).toMatchObject({ type: 'reject', reason: 'gate_failed', details: { wip: { limit: count, count } } });
    const noReason = await manager.send({ type: 'moveCard', cardId: card.id, toStage: 'negotiation', overrideWip: true });
    expect(noReason.type).toBe('reject');
    const ok = await manager.send({ type: 'moveCard', cardId: card.id, toStage: 'negotiation', overrideWip: true, reason: 'Quarter-end push' });
    expect(ok.type).toBe('ack');
    const [event] = await server.store.listEvents({ boardId: 'demo', cardId: card.id, types: ['card.moved'], newestFirst: true, limit: 1 });
    expect(event?.data).toMatchObject({ wipOverride: true, reason: 'Quarter-end push' });
  });
});

describe('attachments', () => {
  it('download byte for byte and are recorded as events', async () => {
    const card = cardOf(sales, 'sales', 'lead');
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const up = await upload(card.id, 'screenshot', { name: 'login screen.png', type: 'image/png', bytes });
    expect(up.status).toBe(201);
    const id = up.body.attachment!.id;
    await manager.waitFor(() => manager.card(card.id)?.attachments.some((a) => a.id === id && a.kind === 'screenshot'));
    const res = await fetch(`${server.url}/api/boards/demo/attachments/${id}`, { headers: { authorization: `Bearer ${salesToken}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toContain('login%20screen.png');
    expect(Array.from(new Uint8Array(await res.arrayBuffer()))).toEqual(Array.from(bytes));
    const events = await server.store.listEvents({ boardId: 'demo', cardId: card.id, types: ['attachment.added'] });
    expect(events.at(-1)?.data).toMatchObject({ attachment: { id, name: 'login screen.png' } });
  });

  it('refuse unsupported types, empty and oversized files with clear errors', async () => {
    const card = cardOf(sales, 'sales', 'lead');
    const html = await upload(card.id, 'other', { name: 'x.html', type: 'text/html' });
    expect(html.status).toBe(415);
    expect(html.body.error?.message).toMatch(/not accepted/);
    expect((await upload(card.id, 'other', { bytes: new Uint8Array(0) })).status).toBe(400);
    const big = await upload(card.id, 'other', { bytes: new Uint8Array(10 * 1024 * 1024 + 1), type: 'application/pdf' });
    expect(big.status).toBe(413);
    expect((await upload(card.id, 'Bad Kind!')).status).toBe(400);
    expect(sales.card(card.id)?.attachments.every((a) => a.name !== 'x.html')).toBe(true);
  });

  it('cannot be added to someone else’s card, nor fetched by outsiders or without a token', async () => {
    const theirs = cardOf(sales, 'sales2', 'lead');
    expect((await upload(theirs.id, 'other')).status).toBe(403);
    const mine = cardOf(sales, 'sales', 'lead');
    const id = mine.attachments[0]?.id ?? (await upload(mine.id, 'other')).body.attachment!.id;
    expect((await fetch(`${server.url}/api/boards/demo/attachments/${id}`)).status).toBe(401);
  });

  it('cannot be attached from someone else’s upload by sending attachFile directly', async () => {
    const card = cardOf(sales, 'sales', 'lead');
    const up = await upload(card.id, 'other');
    const id = up.body.attachment!.id;
    expect((await sales.send({ type: 'detachFile', cardId: card.id, attachmentId: id })).type).toBe('ack');
    const forged = await manager.send({ type: 'attachFile', cardId: card.id, attachmentId: id });
    expect(forged).toMatchObject({ type: 'reject', reason: 'forbidden' });
  });
});
