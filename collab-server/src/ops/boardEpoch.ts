import { parseDocName } from '@baton/shared-types';
import { metaMap } from '@baton/shared-types/ydoc';
import * as Y from 'yjs';

/** A board document carries its epoch in `meta`; the server sends it in `hello`, the browser compares. */
export function writeEpochIntoBoard(name: string, state: Uint8Array, epoch: string): Uint8Array {
  if (parseDocName(name)?.kind !== 'board') return state;
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    metaMap(doc).set('epoch', epoch);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
