import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { parseServerMessage, type Card, type CommandAnswer, type ServerMessage } from '@baton/shared-types';
import { readCard, readCards } from '@baton/shared-types/ydoc';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { login } from './http';

export interface TestClient {
  username: string;
  token: string;
  doc: Y.Doc;
  provider: HocuspocusProvider;
  messages: ServerMessage[];
  /** Sends a command (an id is added when missing) and resolves with the server's answer. */
  send(command: Record<string, unknown>): Promise<CommandAnswer>;
  cards(): Card[];
  card(id: string): Card | null;
  /** Cards of a column in display order. */
  column(stage: string): Card[];
  waitFor<T>(check: () => T | null | undefined | false, timeoutMs?: number): Promise<T>;
  close(): void;
}

export async function waitFor<T>(check: () => T | null | undefined | false, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A real Node client: logs in over HTTP and syncs the board with @hocuspocus/provider. */
export async function connectClient(
  baseUrl: string,
  username: string,
  opts: { boardId?: string; token?: string } = {},
): Promise<TestClient> {
  const token = opts.token ?? (await login(baseUrl, username));
  const doc = new Y.Doc();
  const messages: ServerMessage[] = [];
  const pending = new Map<string, (a: CommandAnswer) => void>();
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: baseUrl.replace(/^http/, 'ws') + '/collab',
    WebSocketPolyfill: WebSocket,
  });
  const provider = new HocuspocusProvider({
    websocketProvider,
    name: `board:${opts.boardId ?? 'demo'}`,
    document: doc,
    token,
    onStateless: ({ payload }) => {
      const message = parseServerMessage(payload);
      if (!message) return;
      messages.push(message);
      if ((message.type === 'ack' || message.type === 'reject') && message.id) pending.get(message.id)?.(message);
    },
  });
  provider.attach();
  const failed = new Promise<never>((_, reject) =>
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => reject(new Error(`authentication failed: ${reason}`))),
  );
  await Promise.race([waitFor(() => provider.isSynced, 10_000, `${username} to sync`), failed]);

  const client: TestClient = {
    username,
    token,
    doc,
    provider,
    messages,
    send: (command) => {
      const id = typeof command.id === 'string' ? command.id : randomUUID();
      const answer = new Promise<CommandAnswer>((resolve) => pending.set(id, resolve));
      provider.sendStateless(JSON.stringify({ ...command, id }));
      return answer;
    },
    cards: () => readCards(doc),
    card: (id) => readCard(doc, id),
    column: (stage) =>
      readCards(doc)
        .filter((c) => c.stage === stage && !c.archived)
        .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : 1)),
    waitFor: (check, timeoutMs) => waitFor(check, timeoutMs, `${username}'s view`),
    close: () => {
      provider.destroy();
      websocketProvider.destroy();
    },
  };
  return client;
}

/** The first card of `owner` in `stage` on the client's board. */
export function cardOf(client: TestClient, owner: string, stage: string): Card {
  const card = client.column(stage).find((c) => c.ownerId === owner);
  if (!card) throw new Error(`no card of ${owner} in ${stage}`);
  return card;
}
