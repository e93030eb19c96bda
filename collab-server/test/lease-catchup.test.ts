/**
 * Several processes: before deciding a command, the process holding a board's lease catches its
 * live copy up with commands committed elsewhere. Its copy may simply not have received the other
 * process's update over Redis yet (that process appended it to the store before releasing the
 * lease). Re-applying such a command's effect instead creates the card a second time, as another
 * Yjs object; once both copies meet, one of the two objects wins, and changes made to the other
 * are invisible, acknowledged or not. Found by the crash workload (two processes over Redis).
 */
import { openSqliteStore } from '@baton/persistence/sqlite';
import { boardDocName } from '@baton/shared-types';
import { applyEffects, cardFields, cardsMap, type BoardEffect } from '@baton/shared-types/ydoc';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadBoardDocument } from '../src/boards/loadBoard';
import { boardLeaseName, StoreLeaseLock } from '../src/commands/boardLock';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const nextStepOf = (doc: Y.Doc, cardId: string) => cardFields(cardsMap(doc).get(cardId))?.nextStep;

describe('catching up under the command lease', () => {
  it('takes another process’s stored update instead of re-creating its card, so a later change to the card stays visible', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'baton-lease-'));
    const store = await openSqliteStore(path.join(dir, 'b.db'));
    try {
      const name = boardDocName('demo');
      await store.createBoard({ id: 'demo' as never, name: 'Demo', createdAt: 1 });
      await store.ensureDocument(name, () => 'e1');
      const a = new Y.Doc();
      const b = new Y.Doc();
      a.clientID = 0x7ffffff0; // the higher client id wins a conflict between two objects under one key
      b.clientID = 0x10;
      for (const doc of [a, b]) doc.on('update', (u: Uint8Array) => void store.appendUpdate(name, u));

      // Process A creates the card: commit, apply, append (then it releases the lease).
      const create: BoardEffect[] = [{ op: 'putCard', card: { id: 'c1', title: 'New deal', nextStep: '' } as never }];
      const first = await store.commitCommand({ commandId: 'k1', boardId: 'demo', actor: 'sales', type: 'createCard', at: 1, answer: { type: 'ack', id: 'k1' }, effects: create }, []);
      applyEffects(a, create, first.status === 'committed' ? (first.seq ?? 0) : 0);

      // Process B takes the lease before A's update reached it over Redis, and updates the card.
      await new StoreLeaseLock(store, 'process-b').run('demo', b, async () => {
        const update: BoardEffect[] = [{ op: 'setFields', cardId: 'c1', fields: { nextStep: 'Call on Monday' } }];
        const second = await store.commitCommand({ commandId: 'k2', boardId: 'demo', actor: 'sales', type: 'updateCard', at: 2, answer: { type: 'ack', id: 'k2' }, effects: update }, []);
        applyEffects(b, update, second.status === 'committed' ? (second.seq ?? 0) : 0);
      });

      // Redis delivers; both copies converge. The acknowledged update must be what everyone sees.
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
      expect(nextStepOf(b, 'c1')).toBe('Call on Monday');
      expect(nextStepOf(a, 'c1')).toBe('Call on Monday');
    } finally {
      await store.close();
    }
  });

  it('a board loaded while another process is between commit and append waits for that process instead of re-creating its card', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'baton-lease-'));
    const store = await openSqliteStore(path.join(dir, 'b.db'));
    try {
      const name = boardDocName('demo');
      await store.createBoard({ id: 'demo' as never, name: 'Demo', createdAt: 1 });
      await store.ensureDocument(name, () => 'e1');
      const a = new Y.Doc();
      a.clientID = 0x7ffffff0;
      let unstored: Uint8Array | null = null;
      a.on('update', (u: Uint8Array) => (unstored = u));

      // Process A, under the lease: commit, apply; its append has not committed yet.
      expect(await store.acquireLock(boardLeaseName('demo'), 'process-a', 3000, Date.now())).toBe(true);
      const create: BoardEffect[] = [{ op: 'putCard', card: { id: 'c1', title: 'New deal', nextStep: '' } as never }];
      const first = await store.commitCommand({ commandId: 'k1', boardId: 'demo', actor: 'sales', type: 'createCard', at: 1, answer: { type: 'ack', id: 'k1' }, effects: create }, []);
      applyEffects(a, create, first.status === 'committed' ? (first.seq ?? 0) : 0);

      const b = new Y.Doc();
      b.clientID = 0x10;
      const loading = loadBoardDocument(store, b, 'demo');
      await new Promise((r) => setTimeout(r, 100));
      await store.appendUpdate(name, unstored!);
      await store.releaseLock(boardLeaseName('demo'), 'process-a');
      const report = await loading;
      expect(report.repaired).toBe(0);

      applyEffects(b, [{ op: 'setFields', cardId: 'c1', fields: { nextStep: 'Call on Monday' } }], 2);
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
      expect([nextStepOf(a, 'c1'), nextStepOf(b, 'c1')]).toEqual(['Call on Monday', 'Call on Monday']);
    } finally {
      await store.close();
    }
  });
});
