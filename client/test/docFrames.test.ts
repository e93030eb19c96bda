import { describe, expect, it } from 'vitest';
import { readSyncStatus, readSyncUpdate } from '../src/sync/docFrames';
import * as Y from 'yjs';

/** A frame as Hocuspocus writes it: varstring address, varuint type, payload. */
function frame(address: string, type: number, ...payload: number[]): ArrayBuffer {
  const name = new TextEncoder().encode(address);
  return new Uint8Array([name.length, ...name, type, ...payload]).buffer;
}

describe('reading the server’s answer to an update', () => {
  it('tells an update the server did not apply from one it did', () => {
    expect(readSyncStatus(frame('plan:abc\0s1', 8, 0))).toBe(false);
    expect(readSyncStatus(frame('plan:abc\0s1', 8, 1))).toBe(true);
  });

  it('ignores every other message', () => {
    expect(readSyncStatus(frame('plan:abc', 0, 1, 2, 3))).toBeNull();
    expect(readSyncStatus(frame('plan:abc', 5, 1))).toBeNull();
    expect(readSyncStatus(new Uint8Array([200]).buffer)).toBeNull();
    expect(readSyncStatus('text')).toBeNull();
  });

  it('reads an address longer than 127 bytes', () => {
    const address = `pack:${'x'.repeat(200)}`;
    const name = new TextEncoder().encode(address);
    const bytes = new Uint8Array([0x80 | (name.length & 0x7f), name.length >> 7, ...name, 8, 0]);
    expect(readSyncStatus(bytes)).toBe(false);
  });
});

describe('reading the document a frame from the server carries', () => {
  const doc = new Y.Doc();
  doc.getMap('cards').set('c1', 'a deal');
  const update = Y.encodeStateAsUpdate(doc);

  it('returns the update of a sync step 2 and of a sync update, byte for byte', () => {
    for (const step of [1, 2]) {
      const bytes = readSyncUpdate(frame('board:b1\0s1', 0, step, update.length, ...update));
      expect(bytes && [...bytes]).toEqual([...update]);
      const copy = new Y.Doc();
      Y.applyUpdate(copy, bytes as Uint8Array);
      expect(copy.getMap('cards').get('c1')).toBe('a deal');
    }
  });

  it('ignores sync step 1, other messages and frames cut short', () => {
    expect(readSyncUpdate(frame('board:b1', 0, 0, 1, 0))).toBeNull();
    expect(readSyncUpdate(frame('board:b1', 1, 2, update.length, ...update))).toBeNull();
    expect(readSyncUpdate(frame('board:b1', 0, 2, update.length + 5, ...update))).toBeNull();
    expect(readSyncUpdate('text')).toBeNull();
  });
});
