import { WebSocketStatus, type HocuspocusProviderWebsocket } from '@hocuspocus/provider';

const CLOSE_MESSAGE = 7; // Hocuspocus MessageType.CLOSE

/** Reads the document name and message type at the start of a Hocuspocus frame (names < 128 bytes). */
function frameHeader(data: unknown): { name: string; type: number } | null {
  if (!(data instanceof ArrayBuffer)) return null;
  const bytes = new Uint8Array(data);
  const length = bytes[0];
  if (length === undefined || length >= 128 || bytes.length < length + 2) return null;
  return { name: new TextDecoder().decode(bytes.subarray(1, 1 + length)), type: bytes[1 + length] ?? -1 };
}

/**
 * Resolves once the server has answered a provider's close of `docName` with its own CLOSE
 * message (or after `timeoutMs`, or at once when the socket is not connected). A provider
 * attached for the same document before that echo arrives would take the echo as its own
 * close and never authenticate.
 */
export function serverClosed(socket: HocuspocusProviderWebsocket, docName: string, timeoutMs = 2000): { done: Promise<void>; cancel(): void } {
  if (socket.status !== WebSocketStatus.Connected) return { done: Promise.resolve(), cancel: () => undefined };
  let finish = () => undefined as void;
  const done = new Promise<void>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      const header = frameHeader(event.data);
      if (header && header.name === docName && header.type === CLOSE_MESSAGE) finish();
    };
    const timer = setTimeout(() => finish(), timeoutMs);
    finish = () => {
      clearTimeout(timer);
      socket.off('message', onMessage);
      resolve();
    };
    socket.on('message', onMessage);
  });
  return { done, cancel: () => finish() };
}
