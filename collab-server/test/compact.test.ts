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
});
