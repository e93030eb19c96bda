import { appNetwork } from './appNetwork';
import { CardDocConnection, type CardDocKind } from './cardDoc';

/** How long an unused document stays open (a tab switch or a quick back-and-forth reuses it). */
const LINGER_MS = 3000;

interface Entry {
  key: string;
  conn: CardDocConnection;
  refs: number;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const entries = new Map<string, Entry>();
const byConnection = new WeakMap<CardDocConnection, Entry>();

function closeLater(entry: Entry): void {
  clearTimeout(entry.timer);
  entry.timer = setTimeout(() => {
    if (entry.refs > 0 || entries.get(entry.key) !== entry) return;
    entries.delete(entry.key);
    entry.conn.destroy();
  }, LINGER_MS);
}

/**
 * The open connection to a card document, opened on first use. Everyone who shows the same
 * document shares one provider; it closes a moment after the last user lets go (`retainCardDoc`),
 * or if nobody ever retains it (a render React threw away).
 */
export function openCardDoc(kind: CardDocKind, cardId: string, token: string): CardDocConnection {
  const key = `${token}\n${kind}:${cardId}`;
  let entry = entries.get(key);
  if (!entry) {
    const conn = new CardDocConnection({ kind, cardId, token, network: appNetwork() });
    entry = { key, conn, refs: 0, timer: undefined };
    entries.set(key, entry);
    byConnection.set(conn, entry);
    closeLater(entry);
  }
  return entry.conn;
}

/** Keeps a connection open until the returned function is called. */
export function retainCardDoc(conn: CardDocConnection): () => void {
  const entry = byConnection.get(conn);
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
