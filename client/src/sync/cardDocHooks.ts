import { useContext, useEffect, useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { CardDocConnection, CardDocKind, CardDocState } from './cardDoc';
import { openCardDoc, retainCardDoc } from './cardDocs';
import { BoardSessionContext } from './SyncProvider';

export type { CardDocConnection, CardDocKind, CardDocState, DocPerson, DocScope } from './cardDoc';

/**
 * A card document (`pack`, `review`, `plan`) for as long as the component is mounted. The
 * connection is replaced (and the component re-rendered with the new one) when the local copy
 * had to be thrown away and loaded again from the server.
 */
export function useCardDoc(kind: CardDocKind, cardId: string, token: string): CardDocConnection {
  const session = useContext(BoardSessionContext);
  if (!session) throw new Error('useCardDoc must be used inside <SyncProvider>');
  const { userId } = session;
  const handle = useMemo(() => openCardDoc(kind, cardId, token, userId), [kind, cardId, token, userId]);
  useEffect(() => retainCardDoc(handle), [handle]);
  return useSyncExternalStore(handle.subscribe, handle.get);
}

export function useCardDocState(conn: CardDocConnection): CardDocState {
  return useSyncExternalStore(conn.state.subscribe, conn.state.get);
}

/** Who has the document open (from awareness, identities rewritten by the server). */
export function useDocPeople(conn: CardDocConnection) {
  return useSyncExternalStore(conn.people.subscribe, conn.people.get);
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** How many updates each document has had since it was first read (one listener per document, for its lifetime). */
const versions = new WeakMap<Y.Doc, { n: number }>();
function versionOf(doc: Y.Doc): number {
  let version = versions.get(doc);
  if (!version) {
    const counter = { n: 0 };
    doc.on('update', () => counter.n++);
    versions.set(doc, counter);
    version = counter;
  }
  return version.n;
}

/**
 * A value read from a Y.Doc, recomputed when the document has changed since the last read.
 * The check is by the document's update count, not by events seen while subscribed: an update
 * that lands between a render and its subscription is not missed.
 */
class DocValue<T> {
  private value: T | undefined;
  private seen = -1;

  constructor(
    private readonly doc: Y.Doc,
    private readonly read: (doc: Y.Doc) => T,
  ) {}

  subscribe = (listener: () => void) => {
    this.doc.on('update', listener);
    return () => this.doc.off('update', listener);
  };

  get = (): T => {
    const version = versionOf(this.doc);
    if (version !== this.seen || this.value === undefined) {
      this.seen = version;
      const next = this.read(this.doc);
      // Equal values keep their identity, so unchanged lists do not re-render.
      if (this.value === undefined || !sameJson(next, this.value)) this.value = next;
    }
    return this.value;
  };
}

/** Reads `read(doc)` and re-renders when the result changes. `read` must be a stable function. */
export function useDocValue<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const store = useMemo(() => new DocValue(doc, read), [doc, read]);
  return useSyncExternalStore(store.subscribe, store.get);
}
