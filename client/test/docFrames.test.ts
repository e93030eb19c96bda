import { describe, expect, it } from 'vitest';
import { readSyncStatus } from '../src/sync/docFrames';

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
