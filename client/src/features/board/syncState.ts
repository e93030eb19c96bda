import type { NetworkState, SessionState } from '../../sync/hooks';
import type { SyncTone } from '../../ui/SyncBadge';

export type SyncState = 'auth-error' | 'offline' | 'connecting' | 'reconnecting' | 'online' | 'waiting' | 'saved';

/** One word for the badge, from the socket, the session and the outbox. */
export function syncState(net: NetworkState, session: SessionState, synced: boolean, waiting: number): SyncState {
  if (session.authError) return 'auth-error';
  if (!net.online) return 'offline';
  if (net.socket !== 'connected') return net.everConnected ? 'reconnecting' : 'connecting';
  if (!session.authenticated || !synced) return 'online';
  return waiting > 0 ? 'waiting' : 'saved';
}

export const SYNC_TONE: Record<SyncState, SyncTone> = {
  'auth-error': 'error',
  offline: 'offline',
  connecting: 'warn',
  reconnecting: 'warn',
  online: 'busy',
  waiting: 'busy',
  saved: 'ok',
};
