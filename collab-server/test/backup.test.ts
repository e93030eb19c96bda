/**
 * Backup and restore end to end, through the command-line tools (`npm run backup` /
 * `npm run restore`): a seeded server's SQLite store, with moves, pack text and an upload, is
 * backed up while the server runs, then restored into a fresh SQLite file and into a fresh
 * PostgreSQL database. A server on each restored store shows the same board, pack, history,
 * files and logins; every document has a new epoch, which the board document carries too.
 */
import { DATABASE_URL, probePostgres, rawPool } from '@baton/persistence/testing';
import { cardDocName, type ServerMessage } from '@baton/shared-types';
import { NODES, packContent, readMeta } from '@baton/shared-types/ydoc';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { REPO_ROOT } from './support/child';
import { cardOf, connectClient, type TestClient } from './support/client';
import { connectDoc } from './support/docClient';
import { api, login } from './support/http';
import { startTestServer, type TestServer } from './support/server';

const run = promisify(execFile);
const pgUnavailable = await probePostgres();
if (pgUnavailable && process.env.CI === 'true') throw new Error(`PostgreSQL is needed for the backup test (CI=true): ${pgUnavailable}`);

/** Runs `npm run <tool> -- args` the way an operator would (without npm's banner). */
async function tool(name: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', `collab-server/src/ops/${name}.ts`, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: '', BATON_DATA_DIR: '', ...env },
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

interface Observed {
  cards: string;
  pack: string;
  events: unknown;
  file: string;
  epoch: string;
  helloEpoch: string | null;
  metaEpoch: string | null;
}

let dir = '';
let server: TestServer | null = null;
let cardId = '';
let attachmentId = '';
let before: Observed;
const database = `baton_restore_${randomBytes(5).toString('hex')}`;
const pgUrl = new URL(DATABASE_URL);
pgUrl.pathname = `/${database}`;

/** What a user sees of the restored data, through a running server. */
async function observe(url: string, token: string): Promise<Observed> {
  const client: TestClient = await connectClient(url, 'manager', { token });
  const pack = await connectDoc(url, token, cardDocName('pack', cardId));
  try {
    const hello = client.messages.find((m): m is Extract<ServerMessage, { type: 'hello' }> => m.type === 'hello');
    const board = await api<{ epoch: string }>(url, 'GET', '/api/boards/demo', { token });
    const events = await api(url, 'GET', `/api/boards/demo/cards/${cardId}/events`, { token });
    const file = await fetch(`${url}/api/boards/demo/attachments/${attachmentId}`, { headers: { authorization: `Bearer ${token}` } });
    const cards = client.cards().sort((a, b) => a.id.localeCompare(b.id));
    return {
      cards: JSON.stringify(cards),
      pack: JSON.stringify(packContent(pack.doc).toJSON()),
      events: events.body,
      file: Buffer.from(await file.arrayBuffer()).toString('base64'),
      epoch: board.body.epoch,
      helloEpoch: hello?.epoch ?? null,
      metaEpoch: readMeta(client.doc).epoch,
    };
  } finally {
    pack.close();
    client.close();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'baton-backup-'));
  server = await startTestServer({ dataDir: path.join(dir, 'original') });
  const token = await login(server.url, 'manager');
  const manager = await connectClient(server.url, 'manager', { token });
  const moved = cardOf(manager, 'sales', 'quote');
  expect((await manager.send({ type: 'moveCard', cardId: moved.id, toStage: 'lead', reason: 'Budget frozen' })).type).toBe('ack');
  cardId = cardOf(manager, 'sales', 'negotiation').id;
  const pack = await connectDoc(server.url, token, cardDocName('pack', cardId));
  pack.doc.transact(() => {
    const p = new Y.XmlElement(NODES.paragraph);
    p.insert(0, [new Y.XmlText('Restored words: 客户的原话')]);
    packContent(pack.doc).insert(packContent(pack.doc).length, [p]);
  });
  await pack.settled();
  pack.close();
  const form = new FormData();
  form.append('kind', 'screenshot');
  form.append('file', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255, 1])], { type: 'image/png' }), 'screen.png');
  const up = await fetch(`${server.url}/api/boards/demo/cards/${cardId}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  expect(up.status).toBe(201);
  attachmentId = ((await up.json()) as { attachment: { id: string } }).attachment.id;
  await manager.waitFor(() => manager.card(cardId)?.attachments.some((a) => a.id === attachmentId));
  manager.close();
  before = await observe(server.url, token);
}, 60_000);

afterAll(async () => {
  await server?.dispose();
  if (!pgUnavailable) {
    const admin = rawPool();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).finally(() => admin.end());
  }
  await rm(dir, { recursive: true, force: true });
});

describe('npm run backup / npm run restore', () => {
  const file = () => path.join(dir, 'baton.ndjson.gz');

  it('backs up the running server’s store to a new file, and never overwrites one', async () => {
    const first = await tool('backup', [file()], { BATON_DATA_DIR: path.join(dir, 'original') });
    expect(first.code, first.out).toBe(0);
    expect(first.out).toMatch(/Backed up SQLite .* \d+ documents; rows: attachments \d+, .*events \d+, .*users 7/);
    const again = await tool('backup', [file()], { BATON_DATA_DIR: path.join(dir, 'original') });
    expect(again.code).toBe(2);
    expect(again.out).toMatch(/EEXIST/);
    await server?.dispose();
    server = null;
  });

  it('restores into a fresh SQLite file: same board, pack, history, files and logins, new epochs', async () => {
    const restored = await tool('restore', [file()], { BATON_DATA_DIR: path.join(dir, 'sqlite') });
    expect(restored.code, restored.out).toBe(0);
    expect(restored.out).toMatch(/Restored .* \(from sqlite, schema \d+\) into SQLite .* documents, each with a new epoch/);
    server = await startTestServer({ dataDir: path.join(dir, 'sqlite') });
    const after = await observe(server.url, await login(server.url, 'manager'));
    expect({ ...after, epoch: '', helloEpoch: '', metaEpoch: '' }).toEqual({ ...before, epoch: '', helloEpoch: '', metaEpoch: '' });
    expect(after.epoch).not.toBe(before.epoch);
    expect([after.helloEpoch, after.metaEpoch]).toEqual([after.epoch, after.epoch]);
    for (const user of ['sales', 'sales2', 'product', 'delivery', 'ops', 'admin']) expect((await login(server.url, user)).length).toBeGreaterThan(20);
    await server.dispose();
    server = null;
  });

  it('refuses to restore into a store that holds data, and wipes it first with --force', async () => {
    const refused = await tool('restore', [file()], { BATON_DATA_DIR: path.join(dir, 'sqlite') });
    expect(refused.code).toBe(2);
    expect(refused.out).toMatch(/not empty .*--force/);
    const forced = await tool('restore', [file(), '--force'], { BATON_DATA_DIR: path.join(dir, 'sqlite') });
    expect(forced.code, forced.out).toBe(0);
    expect(forced.out).toMatch(/after wiping it/);
  });

  it.skipIf(pgUnavailable !== null)('restores the SQLite backup into a fresh PostgreSQL database with the same result', async () => {
    const admin = rawPool();
    await admin.query(`CREATE DATABASE ${database}`).finally(() => admin.end());
    const restored = await tool('restore', [file()], { DATABASE_URL: pgUrl.toString() });
    expect(restored.code, restored.out).toBe(0);
    expect(restored.out).toMatch(/into PostgreSQL/);
    server = await startTestServer({ databaseUrl: pgUrl.toString(), dataDir: path.join(dir, 'unused') });
    const after = await observe(server.url, await login(server.url, 'manager'));
    expect({ ...after, epoch: '', helloEpoch: '', metaEpoch: '' }).toEqual({ ...before, epoch: '', helloEpoch: '', metaEpoch: '' });
    expect(after.epoch).not.toBe(before.epoch);
    expect([after.helloEpoch, after.metaEpoch]).toEqual([after.epoch, after.epoch]);
  });
});
