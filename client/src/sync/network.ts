import { withAcksInUpdates } from '@baton/shared-types';
import { HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import { ValueStore } from '../lib/valueStore';

export type SocketStatus = 'connecting' | 'connected' | 'disconnected';

export interface NetworkState {
  /** The browser says it has a network (window online/offline events). */
  online: boolean;
  socket: SocketStatus;
  /** The socket has been connected at least once (so a drop is a "reconnect"). */
  everConnected: boolean;
}

type Emitter = { emit(event: string, payload: unknown): void };

export function collabUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

/**
 * The app's one websocket (every document provider attaches to it) and the browser's
 * online state. Chromium can keep a websocket open while "offline" (and report its close much
 * later), so going offline closes the socket explicitly, at once for every provider, and coming
 * back online reconnects at once.
 */
export class Network {
  readonly socket: HocuspocusProviderWebsocket;
  readonly state: ValueStore<NetworkState>;

  constructor(url = collabUrl()) {
    const online = typeof navigator === 'undefined' ? true : navigator.onLine;
    this.state = new ValueStore<NetworkState>({ online, socket: 'disconnected', everConnected: false });
    this.socket = new HocuspocusProviderWebsocket({
      // The board's changes tell this client that its commands were applied (no separate ack).
      url: withAcksInUpdates(url),
      autoConnect: online,
      delay: 1000,
      minDelay: 500,
      maxDelay: 10_000,
    });
    this.socket.on('status', this.onStatus);
    window.addEventListener('offline', this.onOffline);
    window.addEventListener('online', this.onOnline);
    document.addEventListener('visibilitychange', this.onVisible);
  }

  destroy(): void {
    window.removeEventListener('offline', this.onOffline);
    window.removeEventListener('online', this.onOnline);
    document.removeEventListener('visibilitychange', this.onVisible);
    this.socket.off('status', this.onStatus);
    this.socket.destroy();
  }

  private readonly onStatus = ({ status }: { status: WebSocketStatus }) => {
    const socket: SocketStatus =
      status === WebSocketStatus.Connected ? 'connected' : status === WebSocketStatus.Connecting ? 'connecting' : 'disconnected';
    this.state.update((s) => ({ ...s, socket, everConnected: s.everConnected || socket === 'connected' }));
    // Back online before the old socket had finished closing: connect now that it has (once; the socket's own retry does the rest).
    if (socket === 'disconnected' && this.connectWhenClosed && this.state.get().online) {
      this.connectWhenClosed = false;
      void this.socket.connect();
    }
  };

  private connectWhenClosed = false;

  /** Called right before the socket is closed for going offline (while it can still say goodbye). */
  onGoingOffline(listener: () => void): () => void {
    this.offlineListeners.add(listener);
    return () => {
      this.offlineListeners.delete(listener);
    };
  }

  private readonly offlineListeners = new Set<() => void>();

  private readonly onOffline = () => {
    this.state.update((s) => ({ ...s, online: false }));
    for (const listener of [...this.offlineListeners]) listener();
    this.socket.disconnect();
    // Offline, the browser may take a long time to report the close: treat the socket as closed now,
    // so every provider knows at once and coming back online opens a fresh one.
    // (`emit` is protected in the typings; a 'close' event is exactly what the socket itself emits on a close.)
    if (this.socket.status !== WebSocketStatus.Disconnected) (this.socket as unknown as Emitter).emit('close', { event: { code: 1000, reason: 'offline' } });
  };

  private readonly onOnline = () => {
    this.state.update((s) => ({ ...s, online: true }));
    if (this.socket.status === WebSocketStatus.Connected) this.connectWhenClosed = true;
    else void this.socket.connect();
  };

  /** After sleep or a long background period, retry at once instead of waiting for the backoff. */
  private readonly onVisible = () => {
    if (document.visibilityState !== 'visible' || !this.state.get().online) return;
    if (this.socket.status === WebSocketStatus.Disconnected) void this.socket.connect();
  };
}
