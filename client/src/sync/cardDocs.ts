import { ValueStore } from '../lib/valueStore';
import { appNetwork } from './appNetwork';
import { CardDocConnection, type CardDocKind } from './cardDoc';
import { clearDocCache } from './docCache';
import { addDocNotice, docChangesFor, type DocDropReason } from './docChanges';
import { forgetCachedEpoch, writeCachedScope } from './epochStore';

/** How long an unused document stays open (a tab switch or a quick back-and-forth reuses it). */
const LINGER_MS = 3000;
/** A document thrown away this recently is not thrown away again (no reload loop). */
const DISCARD_COOLDOWN_MS = 30_000;

/** The current connection to one card document; replaced when its local copy is thrown away. */
export type CardDocHandle = ValueStore<CardDocConnection>;

interface Entry {
  key: string;
  kind: CardDocKind;
  cardId: string;
  token: string;
  userId: string;
  handle: CardDocHandle;
  refs: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  lastDiscard: number;
}

const entries = new Map<string, Entry>();
const byHandle = new WeakMap<CardDocHandle, Entry>();

function connect(entry: Entry, useCache: boolean, after?: Promise<void>): CardDocConnection {
  const { kind, cardId, token, userId } = entry;
  return new CardDocConnection({
    kind,
    cardId,
    token,
    userId,
    network: appNetwork(),
    useCache,
    ...(after ? { after } : {}),
    onDiscard: (conn, reason, detail) => discard(entry, conn, reason, detail),
  });
}

/**
 * Throws a document's local copy away and loads it again from the server: its epoch changed
 * (restored on the server), or the server will not take what it holds (read-only, or the user
 * lost access). Edits the user made and that are lost this way are told in a notice.
 */
function discard(entry: Entry, conn: CardDocConnection, reason: DocDropReason, detail?: string): void {
  if (entry.handle.get() !== conn || entries.get(entry.key) !== entry) return;
  const now = Date.now();
  if (now - entry.lastDiscard < DISCARD_COOLDOWN_MS) {
    console.warn(`Baton: not throwing away ${conn.name} again so soon (${reason}).`);
    return;
  }
  entry.lastDiscard = now;
  const changes = docChangesFor(entry.userId);
  if (changes.has(conn.name)) addDocNotice({ kind: entry.kind, cardId: entry.cardId, reason, detail });
  changes.clear(conn.name);
  console.info(`Baton: throwing away the local copy of ${conn.name} (${reason}) and loading it from the server.`);
  if (reason === 'readonly') writeCachedScope(conn.cacheName, 'readonly');
  forgetCachedEpoch(conn.cacheName);
  conn.destroy();
  // The persistence closes its database asynchronously; deleteDatabase waits for that.
  const cleared = clearDocCache(conn.cacheName);
  entry.handle.set(connect(entry, false, cleared));
}

function closeLater(entry: Entry): void {
  clearTimeout(entry.timer);
  entry.timer = setTimeout(() => {
    if (entry.refs > 0 || entries.get(entry.key) !== entry) return;
    entries.delete(entry.key);
    entry.handle.get().destroy();
  }, LINGER_MS);
}

/**
 * The open connection to a card document, opened on first use. Everyone who shows the same
 * document shares one provider; it closes a moment after the last user lets go (`retainCardDoc`),
 * or if nobody ever retains it (a render React threw away).
 */
export function openCardDoc(kind: CardDocKind, cardId: string, token: string, userId: string): CardDocHandle {
  const key = `${token}\n${kind}:${cardId}`;
  let entry = entries.get(key);
  if (!entry) {
    const created: Entry = { key, kind, cardId, token, userId, handle: null as unknown as CardDocHandle, refs: 0, timer: undefined, lastDiscard: 0 };
    created.handle = new ValueStore(connect(created, true));
    entry = created;
    entries.set(key, entry);
    byHandle.set(entry.handle, entry);
    closeLater(entry);
  }
  return entry.handle;
}

/** Keeps a connection open until the returned function is called. */
export function retainCardDoc(handle: CardDocHandle): () => void {
  const entry = byHandle.get(handle);
  if (!entry) return () => undefined;
  entry.refs++;
  clearTimeout(entry.timer);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    entry.refs--;
    if (entry.refs === 0) closeLater(entry);
  };
}

/**
 * Keeps every card document with unsent edits open in the background until the server has
 * them: edits typed offline go out on reconnect even if nobody opens that pack again (also
 * after a reload or a closed tab). Returns a function that stops.
 */
export function syncPendingDocs(userId: string, token: string): () => void {
  const changes = docChangesFor(userId);
  const held = new Map<string, () => void>();
  const update = () => {
    const names = new Set(changes.pending.get().map((c) => c.name));
    for (const change of changes.pending.get()) {
      if (!held.has(change.name)) held.set(change.name, retainCardDoc(openCardDoc(change.kind, change.cardId, token, userId)));
    }
    for (const [name, release] of held) {
      if (names.has(name)) continue;
      held.delete(name);
      release();
    }
  };
  update();
  const unsubscribe = changes.pending.subscribe(update);
  return () => {
    unsubscribe();
    for (const release of held.values()) release();
    held.clear();
  };
}
