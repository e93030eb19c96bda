import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { waitFor } from './client';

export interface DocClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** The scope the server granted: 'read-write' or 'readonly'. */
  scope: string;
  /** Resolves when the server has acknowledged everything this client sent. */
  settled(timeoutMs?: number): Promise<void>;
  close(): void;
}

/** A real provider on any Baton document (pack:, review:, plan:, board:) with a user's token. */
export async function connectDoc(baseUrl: string, token: string, name: string): Promise<DocClient> {
  const doc = new Y.Doc();
  const websocketProvider = new HocuspocusProviderWebsocket({ url: baseUrl.replace(/^http/, 'ws') + '/collab', WebSocketPolyfill: WebSocket });
  let scope = '';
  const provider = new HocuspocusProvider({
    websocketProvider,
    name,
    document: doc,
    token,
    onAuthenticated: ({ scope: s }) => {
      scope = s;
    },
  });
  provider.attach();
  const failed = new Promise<never>((_, reject) =>
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => reject(new Error(`authentication failed: ${reason}`))),
  );
  await Promise.race([waitFor(() => provider.isSynced, 10_000, `${name} to sync`), failed]);
  return {
    doc,
    provider,
    get scope() {
      return scope;
    },
    settled: (timeoutMs = 5000) => waitFor(() => !provider.hasUnsyncedChanges, timeoutMs, `${name} to be acknowledged`).then(() => undefined),
    close: () => {
      provider.destroy();
      websocketProvider.destroy();
    },
  };
}
