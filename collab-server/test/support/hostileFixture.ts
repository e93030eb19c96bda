/** The shared setup of the hostile-client suites: a server, honest clients, and helpers to prove nothing changed. */
import { type CommandAnswer } from '@baton/shared-types';
import { readCards } from '@baton/shared-types/ydoc';
import { afterAll, beforeAll, expect } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type TestClient } from './client';
import { login } from './http';
import { openRaw, type RawClient } from './raw';
import { startTestServer, type TestServer } from './server';

export const DOC = 'board:demo';

export interface HostileFixture {
  server: TestServer;
  manager: TestClient;
  sales: TestClient;
  liveDoc(): Y.Doc;
  storedDoc(name?: string): Promise<Y.Doc>;
  fingerprint(): Promise<Record<string, unknown>>;
  rawMember(username: string): Promise<{ raw: RawClient; doc: Y.Doc }>;
  connect(username: string, boardId?: string): Promise<TestClient>;
  track(raw: RawClient): RawClient;
}

/** Registers beforeAll/afterAll for a suite and returns accessors that work inside its tests. */
export function useHostileFixture(): HostileFixture {
  let server: TestServer;
  let manager: TestClient;
  let sales: TestClient;
  const extraClients: TestClient[] = [];
  const raws: RawClient[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    manager = await connectClient(server.url, 'manager');
    sales = await connectClient(server.url, 'sales');
  });
  afterAll(async () => {
    for (const c of [manager, sales, ...extraClients]) c?.close();
    for (const r of raws) r.ws.terminate();
    await server?.dispose();
  });

  /** The server's own in-memory board document. */
  function liveDoc(): Y.Doc {
    const doc = server.hocuspocus.documents.get(DOC);
    if (!doc) throw new Error(`${DOC} is not loaded`);
    return doc;
  }

  /** The board as the server would load it from disk. */
  async function storedDoc(name = DOC): Promise<Y.Doc> {
    const loaded = await server.store.loadDocument(name);
    const doc = new Y.Doc();
    if (loaded?.snapshot) Y.applyUpdate(doc, loaded.snapshot);
    for (const u of loaded?.updates ?? []) Y.applyUpdate(doc, u.data);
    return doc;
  }

  /** Everything that would change if a write got through: live state, stored log and stored content. */
  async function fingerprint() {
    return {
      stateVector: Buffer.from(Y.encodeStateVector(liveDoc())).toString('hex'),
      live: canonical(liveDoc()),
      stored: canonical(await storedDoc()),
      storedUpdates: await server.store.countUpdates(DOC),
    };
  }

  /** A raw socket authenticated on the demo board, with its own replica of the board. */
  async function rawMember(username: string): Promise<{ raw: RawClient; doc: Y.Doc }> {
    const raw = await openRaw(server.url);
    raws.push(raw);
    const auth = await raw.authenticate(DOC, await login(server.url, username));
    expect(auth).toEqual({ ok: true, scope: 'readonly' });
    await raw.next('stateless', (f) => f.text.includes('"hello"'));
    const doc = new Y.Doc();
    await raw.pull(DOC, doc);
    return { raw, doc };
  }

  async function connect_(username: string, boardId?: string): Promise<TestClient> {
    const client = await connectClient(server.url, username, boardId ? { boardId } : {});
    extraClients.push(client);
    return client;
  }

  return {
    get server() {
      return server;
    },
    get manager() {
      return manager;
    },
    get sales() {
      return sales;
    },
    liveDoc,
    storedDoc,
    fingerprint,
    rawMember,
    connect: connect_,
    track: (raw) => {
      raws.push(raw);
      return raw;
    },
  };
}

export const canonical = (doc: Y.Doc) => JSON.stringify(readCards(doc).sort((a, b) => (a.id < b.id ? -1 : 1)));

/** Runs `change` on a replica and returns the Yjs update it produced. */
export function localUpdate(doc: Y.Doc, change: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const listen = (u: Uint8Array) => updates.push(u);
  doc.on('update', listen);
  try {
    doc.transact(change);
  } finally {
    doc.off('update', listen);
  }
  return Y.mergeUpdates(updates);
}

/** A card as a raw writer would put it into the board document (the layout's plain value). */
export function forgedCard(ownerId: string): Record<string, unknown> {
  return { title: 'Forged deal', customer: 'Evil Corp', ownerId, stage: 'signed', rank: '0|zzzzzz:', amount: 9e9, archived: false, createdAt: 1 };
}

export function expectRefusal(answer: CommandAnswer, reason: string, message: RegExp): void {
  expect(answer).toMatchObject({ type: 'reject', reason });
  if (answer.type !== 'reject') return;
  expect(answer.message).toMatch(message);
  // Words a person can read, not a stack trace or a serialised object.
  expect(answer.message.split(/\s+/).length).toBeGreaterThanOrEqual(3);
  expect(answer.message).not.toMatch(/undefined|\[object|Error:|at .*\.ts/);
}

export async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
