/**
 * One user's connection to one server process for the crash workload: a single websocket
 * carrying the board document (commands) and a pack document (text edits), like the browser.
 * When the server dies the session is over: unanswered commands resolve to null and text
 * edits the server had not confirmed stay unconfirmed.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { boardDocName, cardDocName, parseServerMessage, type CommandAnswer } from '@baton/shared-types';
import { NODES, packContent } from '@baton/shared-types/ydoc';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { waitFor } from '../../support/client';

export interface Session {
  readonly user: string;
  readonly label: string;
  readonly boardDoc: Y.Doc;
  readonly packDoc: Y.Doc;
  /** False once the socket closed (the server died, or `close()`). */
  readonly alive: boolean;
  /** Resolves when the socket has closed. */
  readonly closed: Promise<void>;
  /** Sends a command; the server's answer, or null if the connection ended first. */
  send(command: Record<string, unknown> & { id: string }): Promise<CommandAnswer | null>;
  /**
   * Appends a paragraph to the pack and resolves true once the server has confirmed every
   * change of this session (it stores a client's update before confirming it), false if the
   * connection ended first.
   */
  write(text: string): Promise<boolean>;
  close(): void;
}

export async function openSession(baseUrl: string, user: string, token: string, cardId: string, timeoutMs = 15_000): Promise<Session> {
  const label = `${user}@${baseUrl}`;
  const socket = new HocuspocusProviderWebsocket({ url: baseUrl.replace(/^http/, 'ws') + '/collab', WebSocketPolyfill: WebSocket });
  const boardDoc = new Y.Doc();
  const packDoc = new Y.Doc();
  const pending = new Map<string, (answer: CommandAnswer | null) => void>();
  let alive = true;
  let opened = false;
  let onClosed: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (onClosed = resolve));
  const end = () => {
    if (!alive) return;
    alive = false;
    for (const resolve of pending.values()) resolve(null);
    pending.clear();
    onClosed();
  };
  socket.on('open', () => (opened = true));
  // A close before the first open is a failed connection attempt, not the end of this session.
  socket.on('close', () => opened && end());

  const board = new HocuspocusProvider({
    websocketProvider: socket,
    name: boardDocName('demo'),
    document: boardDoc,
    token,
    onStateless: ({ payload }) => {
      const message = parseServerMessage(payload);
      if ((message?.type === 'ack' || message?.type === 'reject') && message.id) {
        pending.get(message.id)?.(message);
        pending.delete(message.id);
      }
    },
  });
  const pack = new HocuspocusProvider({ websocketProvider: socket, name: cardDocName('pack', cardId), document: packDoc, token });
  board.attach();
  pack.attach();
  const destroy = () => {
    end();
    board.destroy();
    pack.destroy();
    socket.destroy();
  };
  try {
    await waitFor(
      () => {
        if (opened && !alive) throw new Error(`${label}: the connection closed before the documents synced`);
        return board.isSynced && pack.isSynced && !pack.hasUnsyncedChanges;
      },
      timeoutMs,
      `${label} to sync`,
    );
  } catch (error) {
    destroy();
    throw error;
  }

  return {
    user,
    label,
    boardDoc,
    packDoc,
    get alive() {
      return alive;
    },
    closed,
    send: (command) => {
      if (!alive) return Promise.resolve(null);
      const answer = new Promise<CommandAnswer | null>((resolve) => pending.set(command.id, resolve));
      board.sendStateless(JSON.stringify(command));
      return answer;
    },
    write: async (text) => {
      if (!alive) return false;
      packDoc.transact(() => {
        const paragraph = new Y.XmlElement(NODES.paragraph);
        paragraph.insert(0, [new Y.XmlText(text)]);
        const content = packContent(packDoc);
        content.insert(content.length, [paragraph]);
      });
      if (pack.hasUnsyncedChanges) {
        await new Promise<void>((resolve) => {
          const check = () => {
            if (alive && pack.hasUnsyncedChanges) return;
            pack.off('unsyncedChanges', check);
            resolve();
          };
          pack.on('unsyncedChanges', check);
          void closed.then(check);
        });
      }
      // Confirmations arrive on the socket before its close, so a count of zero seen at any
      // point means the server stored the update.
      return !pack.hasUnsyncedChanges;
    },
    close: destroy,
  };
}
