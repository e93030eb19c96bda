import { parseServerMessage } from '@baton/shared-types';
import { HocuspocusProvider, type HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';

export type ProbeResult = { type: 'epoch'; epoch: string } | { type: 'refused'; reason: string } | { type: 'unknown' };

/** After the server's copy arrived, how long to wait for `hello` before going ahead without it. */
const HELLO_GRACE_MS = 5000;

/**
 * Asks the server for a document's epoch without offering it anything: a throwaway provider
 * with an empty document and no awareness joins, reads `hello` and leaves. The server answers
 * a client's sync step before `hello`, so a cached copy must not be connected until its epoch
 * is known to match, or stale history would be merged into the server's copy.
 */
export function probeEpoch(name: string, token: string, socket: HocuspocusProviderWebsocket): { result: Promise<ProbeResult>; cancel(): void } {
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ name, document: doc, token, websocketProvider: socket, sessionAwareness: true, awareness: null });
  let finish: (result: ProbeResult) => void = () => undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let finished = false;
  const result = new Promise<ProbeResult>((resolve) => {
    finish = (value) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      provider.destroy();
      doc.destroy();
      resolve(value);
    };
  });
  provider.on('stateless', ({ payload }: { payload: string }) => {
    const message = parseServerMessage(payload);
    if (message?.type === 'hello') finish({ type: 'epoch', epoch: message.epoch });
  });
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => finish({ type: 'refused', reason: reason || 'permission-denied' }));
  provider.on('synced', () => {
    clearTimeout(timer);
    timer = setTimeout(() => finish({ type: 'unknown' }), HELLO_GRACE_MS);
  });
  provider.attach();
  return { result, cancel: () => finish({ type: 'unknown' }) };
}
