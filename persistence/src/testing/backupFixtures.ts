// A store filled with one of everything, and a readout of everything through the Store
// interface: what backup and restore tests compare before and after.
import * as Y from 'yjs';
import type { Store } from '../Store';
import { boardId, command, Editor, event, merge, rejection, user } from './fixtures';

export const FILLED = {
  documents: ['board:demo', 'pack:card-1', 'review:card-1'],
  commands: ['cmd-1', 'cmd-2', 'cmd-3'],
  cards: ['card-1', 'card-2'],
  users: ['alice', 'bob'],
  settings: ['token_secret', 'webhook:demo'],
  attachmentIds: ['00000000-0000-4000-8000-00000000aaa1', '00000000-0000-4000-8000-00000000aaa2'],
};

/** Every kind of data a store holds, including documents with a snapshot and a log after it. */
export async function fillEverything(store: Store): Promise<void> {
  for (const id of FILLED.users) await store.upsertUser(user(id, { displayName: `${id} 名字` }));
  await store.createBoard({ id: boardId('demo'), name: 'Pipeline', createdAt: 1_700_000_000_000 });
  await store.setMembership({ boardId: boardId('demo'), userId: 'alice' as never, role: 'manager' });
  await store.setMembership({ boardId: boardId('demo'), userId: 'bob' as never, role: 'sales' });
  await store.setSettingIfAbsent('token_secret', 'secret-0123456789-abcdef');
  await store.setSetting('webhook:demo', JSON.stringify({ url: 'https://example.test/hook' }));
  for (const id of FILLED.cards) await store.registerCard(id, 'demo');
  await store.commitCommand(command('cmd-1'), [event({ type: 'card.created' }), event({ cardId: null, type: 'board.renamed' })]);
  await store.commitCommand(rejection('cmd-2'), []);
  await store.commitCommand(command('cmd-3', { actor: 'bob' }), [event({ actor: 'bob', data: { note: 'ünïcode \u0000 nul' } })]);
  await store.appendEvents([event({ cardId: 'card-2', type: 'card.moved' })]);
  const bytes = [new Uint8Array([0, 255, 1, 2, 3]), new Uint8Array(70_000).map((_, i) => i % 251)];
  for (const [i, id] of FILLED.attachmentIds.entries()) {
    const data = bytes[i]!;
    await store.putAttachment(
      { id, boardId: 'demo', cardId: 'card-1', kind: 'pain_points', name: `f${i}.bin`, contentType: 'application/pdf', size: data.byteLength, sha256: 'ab'.repeat(32), uploadedBy: 'bob', at: 1000 + i },
      data,
    );
  }
  await store.recordAlert({ key: 'quoteStale:card-1:0', boardId: 'demo', cardId: 'card-1', type: 'sla.quoteStale', at: 5, data: { dueAt: 4 }, webhook: 'pending', webhookAttempts: 1 }, ['alice', 'bob']);
  await store.recordAlert({ key: 'stuck:card-2:0', boardId: 'demo', cardId: 'card-2', type: 'sla.stuck', at: 6, data: {}, webhook: 'none', webhookAttempts: 0 }, ['alice']);
  const [first] = await store.listNotifications('alice');
  await store.markNotificationsRead('alice', [first!.id], 7);

  // board:demo: a snapshot, then updates after it; pack: only updates; review: created, empty.
  const board = new Editor();
  await store.ensureDocument('board:demo', () => 'epoch-board');
  const u1 = board.type('Pipeline ');
  const s1 = await store.appendUpdate('board:demo', u1);
  await store.compactDocument('board:demo', merge(u1), s1);
  await store.appendUpdate('board:demo', board.type('with cards'));
  const pack = new Editor();
  await store.ensureDocument('pack:card-1', () => 'epoch-pack');
  for (const w of ['Customer ', 'words']) await store.appendUpdate('pack:card-1', pack.type(w));
  await store.ensureDocument('review:card-1', () => 'epoch-review');
}

const text = (state: Uint8Array | null, updates: readonly Uint8Array[]) => {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText('body').toString();
};

/** Everything `fillEverything` wrote, read back through the Store interface (document epochs apart). */
export async function readEverything(store: Store) {
  const documents: Record<string, string | null> = {};
  for (const name of FILLED.documents) {
    const loaded = await store.loadDocument(name);
    documents[name] = loaded ? text(loaded.snapshot, loaded.updates.map((u) => u.data)) : null;
  }
  const attachments = await store.listAttachments('demo', 'card-1');
  return {
    users: await store.listUsers(),
    boards: await store.listBoards(),
    memberships: await store.listMemberships({}),
    settings: await Promise.all(FILLED.settings.map((k) => store.getSetting(k))),
    cards: await Promise.all(FILLED.cards.map((c) => store.boardOfCard(c))),
    commands: await Promise.all(FILLED.commands.map((c) => store.getCommand(c))),
    applied: await store.listAppliedCommands('demo', 0),
    events: await store.listEvents({ boardId: 'demo' }),
    attachments,
    attachmentBytes: await Promise.all(attachments.map(async (a) => Array.from((await store.readAttachmentData(a.id)) ?? []).join(','))),
    notifications: await Promise.all(FILLED.users.map((u) => store.listNotifications(u))),
    webhooks: await store.pendingWebhooks(100),
    documents,
  };
}

/** The epoch of each filled document. */
export async function epochs(store: Store): Promise<Record<string, string | undefined>> {
  const out: Record<string, string | undefined> = {};
  for (const name of FILLED.documents) out[name] = (await store.loadDocument(name))?.epoch;
  return out;
}
