import { openSqliteStore } from '@baton/persistence/sqlite';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compactStored } from '../src/boards/compact';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('compacting a document log', () => {
  it('keeps what every writer appended, also rows a live copy elsewhere has not seen, and drops overwritten values', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'baton-compact-'));
    const store = await openSqliteStore(path.join(dir, 'b.db'));
    await store.ensureDocument('board:x', () => 'e1');
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.on('update', (u: Uint8Array) => void store.appendUpdate('board:x', u));
    b.on('update', (u: Uint8Array) => void store.appendUpdate('board:x', u));
    for (let i = 0; i < 200; i++) a.getMap('m').set('k', `value ${i} ${'x'.repeat(200)}`);
    b.getMap('m').set('from-b', 'only b has this');
    expect(await store.countUpdates('board:x')).toBe(201);

    expect(await compactStored(store, 'board:x')).toBe(201);
    expect(await store.countUpdates('board:x')).toBe(0);
    const loaded = await store.loadDocument('board:x');
    const c = new Y.Doc();
    Y.applyUpdate(c, loaded!.snapshot!);
    expect(c.getMap('m').toJSON()).toEqual({ k: `value 199 ${'x'.repeat(200)}`, 'from-b': 'only b has this' });
    expect(loaded!.snapshot!.byteLength).toBeLessThan(2000);
    await store.close();
  });

  it('gives the event loop back while it folds, and keeps rows appended meanwhile', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'baton-compact-'));
    const store = await openSqliteStore(path.join(dir, 'b.db'));
    await store.ensureDocument('board:x', () => 'e1');
    const a = new Y.Doc();
    const appends: Array<Promise<unknown>> = [];
    a.on('update', (u: Uint8Array) => appends.push(store.appendUpdate('board:x', u)));
    for (let i = 0; i < 2000; i++) a.getMap('m').set(`k${i % 50}`, `value ${i} ${'x'.repeat(100)}`);
    await Promise.all(appends);

    // Work that other connections queue while the fold runs: it must not wait for the whole fold.
    let ranDuringFold = 0;
    let folding = true;
    const compaction = compactStored(store, 'board:x').finally(() => (folding = false));
    const tick = (): void => {
      if (!folding) return;
      ranDuringFold++;
      a.getMap('m').set('during', `tick ${ranDuringFold}`);
      setImmediate(tick);
    };
    setImmediate(tick);
    expect(await compaction).toBe(2000);
    await Promise.all(appends);
    expect(ranDuringFold).toBeGreaterThanOrEqual(3);

    // The rows appended while it folded are still in the log, and a load sees all of it.
    expect(await store.countUpdates('board:x')).toBe(appends.length - 2000);
    const loaded = await store.loadDocument('board:x');
    const c = new Y.Doc();
    Y.applyUpdate(c, loaded!.snapshot!);
    for (const u of loaded!.updates) Y.applyUpdate(c, u.data);
    expect(c.getMap('m').toJSON()).toEqual(a.getMap('m').toJSON());
    await store.close();
  });
});
