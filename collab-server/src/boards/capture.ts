import type * as Y from 'yjs';

/** Collects the updates a function produces on a document. */
export function captureUpdates(doc: Y.Doc, fn: () => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const listen = (u: Uint8Array) => updates.push(u);
  doc.on('update', listen);
  try {
    fn();
  } finally {
    doc.off('update', listen);
  }
  return updates;
}
