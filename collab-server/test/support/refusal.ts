import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

/**
 * Connects a real provider to `documentName` with `token` and resolves with the reason of the
 * provider's `authenticationFailed` event; rejects if the server lets it sync instead.
 * The provider is always destroyed afterwards, so it does not keep reconnecting.
 */
export async function refusalReason(baseUrl: string, documentName: string, token: string, timeoutMs = 5000): Promise<string> {
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: baseUrl.replace(/^http/, 'ws') + '/collab',
    WebSocketPolyfill: WebSocket,
  });
  const provider = new HocuspocusProvider({ websocketProvider, name: documentName, document: new Y.Doc(), token });
  provider.attach();
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<string>((resolve, reject) => {
      provider.on('authenticationFailed', ({ reason }: { reason: string }) => resolve(reason));
      provider.on('synced', () => reject(new Error(`${documentName} was opened with a token that should have been refused`)));
      timer = setTimeout(() => reject(new Error(`no answer to the connection attempt on ${documentName}`)), timeoutMs);
    });
  } finally {
    clearTimeout(timer);
    provider.destroy();
    websocketProvider.destroy();
  }
}
