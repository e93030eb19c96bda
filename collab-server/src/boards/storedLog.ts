/** A document's stored log (snapshot and appended updates) applied to a live or loading Y.Doc. */
import type { LoadedDocument, Store } from '@baton/persistence';
import * as Y from 'yjs';
import { serverOrigin } from './origins';

/** The part of lib0's Observable that Y.Doc keeps its event listeners in. */
interface Listeners {
  _observers: Map<string, Set<unknown>>;
}

const UPDATE_EVENTS = ['update', 'updateV2'] as const;

/**
 * Applies stored updates to a document that is still loading, without 'update' events.
 *
 * Yjs encodes a transaction as an update only when someone listens for it. While a document
 * loads, the only listener is Hocuspocus's broadcast buffer, and the document has no
 * connections yet, so that encoding (the whole board again, 130 ms for 10,000 cards) would
 * go nowhere. Baton's own listeners (persistence, indexes) attach after the load.
 */
export function applyStoredUpdates(doc: Y.Doc, updates: ReadonlyArray<Uint8Array>): void {
  withoutUpdateEvents(doc, () => applyInOneTransaction(doc, updates, serverOrigin('load')));
}

/** Applies updates to a document in one transaction (a live document: its listeners see one change). */
export function applyInOneTransaction(doc: Y.Doc, updates: ReadonlyArray<Uint8Array>, origin: unknown): void {
  doc.transact(() => {
    for (const u of updates) Y.applyUpdate(doc, u);
  }, origin);
}

function withoutUpdateEvents(doc: Y.Doc, fn: () => void): void {
  const observers = (doc as unknown as Listeners)._observers;
  const suspended = new Map<string, Set<unknown>>();
  for (const name of UPDATE_EVENTS) {
    const set = observers.get(name);
    if (set) suspended.set(name, set);
    observers.delete(name);
  }
  try {
    fn();
  } finally {
    for (const [name, set] of suspended) {
      // A listener attached meanwhile (none is expected) is kept along with the suspended ones.
      const added = observers.get(name);
      if (added) for (const f of added) set.add(f);
      observers.set(name, set);
    }
  }
}

/** Reads a document's stored log and applies it to the loading `doc` (again: Yjs skips what it already has). */
export async function readStoredLog(store: Store, doc: Y.Doc, name: string): Promise<void> {
  applyStoredUpdates(doc, storedUpdates(await store.loadDocument(name)));
}

/** A stored document's snapshot and log, in the order they apply. */
export function storedUpdates(loaded: LoadedDocument | null): Uint8Array[] {
  if (!loaded) return [];
  return [...(loaded.snapshot ? [loaded.snapshot] : []), ...loaded.updates.map((u) => u.data)];
}
