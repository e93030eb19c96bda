/**
 * Two durability rules for several processes sharing a store, found by the crash workload
 * (collab-server/test/crash): the stored log of a document must always be a prefix of what a
 * live copy holds, or the stored document stops loading cleanly (Yjs leaves an update whose
 * history is missing pending forever).
 */
import type { Store } from '@baton/persistence';
import { openSqliteStore } from '@baton/persistence/sqlite';
import { boardDocName } from '@baton/shared-types';
import { appliedSeqOf, cardFields, cardsMap, readMeta } from '@baton/shared-types/ydoc';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadBoardDocument } from '../src/boards/loadBoard';
import { DocumentPersister } from '../src/boards/persister';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a loaded document’s persister', () => {
  /** A store whose appends finish only when the test says so, in any order. */
  function slowStore() {
    const calls: Array<{ update: Uint8Array; finish: () => void }> = [];
    const store = {
      appendUpdate: (_name: string, update: Uint8Array) => new Promise<number>((resolve) => calls.push({ update, finish: () => resolve(calls.length) })),
    } as unknown as Store;
    return { store, calls };
  }

  it('issues appends one after another, so an update is never stored before one it builds on', async () => {
    const { store, calls } = slowStore();
    const doc = new Y.Doc();
    const persister = new DocumentPersister(store, 'board:x', doc, { compactEvery: 1000, onError: (e) => { throw e; } }).attach();
    doc.getMap('m').set('a', 1);
    doc.getMap('m').set('a', 2); // builds on the first
    await new Promise((r) => setTimeout(r, 0)); // appends start in a microtask
    expect(calls).toHaveLength(1);
    calls[0]!.finish();
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toHaveLength(2);
    calls[1]!.finish();
    await persister.flush();
  });

  it('stores updates that came from another process over Redis (that process may die before its own write commits)', async () => {
    const { store, calls } = slowStore();
    const doc = new Y.Doc();
    new DocumentPersister(store, 'board:x', doc, { compactEvery: 1000, onError: (e) => { throw e; } }).attach();
    const other = new Y.Doc();
    other.getMap('m').set('from', 'another process');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), { source: 'redis' });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(new Y.Doc()), { source: 'connection' }); // a client's: stored before it was applied
    await new Promise((r) => setTimeout(r, 0)); // appends start in a microtask
    expect(calls).toHaveLength(1);
    const check = new Y.Doc();
    Y.applyUpdate(check, calls[0]!.update);
    expect(check.getMap('m').get('from')).toBe('another process');
  });
});

describe('loading a board whose log lacks a committed command', () => {
  it('appends the repair and gives the document a new epoch, keeping updates another process appended meanwhile', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'baton-repair-'));
    const store = await openSqliteStore(path.join(dir, 'b.db'));
    try {
      const name = boardDocName('demo');
      await store.createBoard({ id: 'demo' as never, name: 'Demo', createdAt: 1 });
      const { epoch } = await store.ensureDocument(name, () => 'epoch-1');
      // Another process's live copy, writing the log as it goes.
      const other = new Y.Doc();
      other.on('update', (u: Uint8Array) => void store.appendUpdate(name, u));
      other.getMap('meta').set('boardId', 'demo');
      // A command committed, and its process died before its update was appended.
      const card = { id: 'c1', title: 'Lost update', customer: 'ACME', stage: 'lead', rank: '0|i00000:' };
      await store.commitCommand({ commandId: 'k1', boardId: 'demo', actor: 'manager', type: 'createCard', at: 2, answer: { type: 'ack', id: 'k1' }, effects: [{ op: 'putCard', card: card as never }] }, []);

      // The other process appends while the load runs: after the load read the log, before it repairs.
      const racing = new Proxy(store, {
        get: (target, key, receiver) => {
          const value = Reflect.get(target, key, receiver) as unknown;
          if (key !== 'listAppliedCommands' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
          return (...args: unknown[]) => {
            other.getMap('meta').set('during', 'appended while the load ran');
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
      const loaded = new Y.Doc();
      const report = await loadBoardDocument(racing, loaded, 'demo');
      expect(report.repaired).toBe(1);
      expect(report.epoch).not.toBe(epoch);
      other.getMap('meta').set('note', 'appended by the other process after the load'); // builds on its earlier updates

      const stored = await store.loadDocument(name);
      expect(stored?.epoch).toBe(report.epoch);
      const rebuilt = new Y.Doc();
      if (stored?.snapshot) Y.applyUpdate(rebuilt, stored.snapshot);
      for (const u of stored?.updates ?? []) Y.applyUpdate(rebuilt, u.data);
      expect(rebuilt.store.pendingStructs).toBeNull();
      expect(cardFields(cardsMap(rebuilt).get('c1'))?.title).toBe('Lost update');
      expect(readMeta(rebuilt)).toMatchObject({ epoch: report.epoch });
      expect(appliedSeqOf(rebuilt)).toBe(1);
      expect(rebuilt.getMap('meta').get('during')).toBe('appended while the load ran');
      expect(rebuilt.getMap('meta').get('note')).toBe('appended by the other process after the load');
    } finally {
      await store.close();
    }
  });
});
