import type { CommandInput } from '@baton/shared-types';
import { useCallback, useContext, useEffect, useSyncExternalStore } from 'react';
import { appNetwork } from './appNetwork';
import type { BoardSession, RejectedChange } from './boardSession';
import { docChangesFor, type DocChange } from './docChanges';
import { SyncProvider, BoardSessionContext } from './SyncProvider';

export { SyncProvider };
export type { BoardView } from './boardStore';
export type { RejectedChange, SessionState } from './boardSession';
export type { NetworkState } from './network';
export type { DocChange, DocNotice } from './docChanges';

export function useBoardSession(): BoardSession {
  const session = useContext(BoardSessionContext);
  if (!session) throw new Error('useBoardSession must be used inside <SyncProvider>');
  return session;
}

/** The board as the user should see it: document + optimistic overlay. */
export function useBoardView() {
  const { store } = useBoardSession();
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

export function useNetworkState() {
  const { state } = appNetwork();
  return useSyncExternalStore(state.subscribe, state.get);
}

export function useSessionState() {
  const { state } = useBoardSession();
  return useSyncExternalStore(state.subscribe, state.get);
}

export function usePresence() {
  const { presence } = useBoardSession();
  return useSyncExternalStore(presence.subscribe, presence.get);
}

export function useRejections() {
  const { rejections } = useBoardSession();
  return useSyncExternalStore(rejections.subscribe, rejections.get);
}

export function useOutboxSize(): number {
  const { outbox } = useBoardSession();
  return useSyncExternalStore(outbox.subscribe, () => outbox.list().length);
}

/** Sends a command through the outbox; returns the command (with its id). */
export function useSubmit() {
  const session = useBoardSession();
  return useCallback((input: CommandInput) => session.submit(input), [session]);
}

/** Calls `listener` for every change the server refuses. */
export function useOnRejection(listener: (rejection: RejectedChange) => void): void {
  const session = useBoardSession();
  useEffect(() => session.onRejection(listener), [session, listener]);
}

/** Unanswered commands, oldest first (for the list of what is waiting). */
export function useOutboxList() {
  const { outbox } = useBoardSession();
  return useSyncExternalStore(outbox.subscribe, outbox.list);
}

/** Card documents with edits the server has not acknowledged yet (open or not). */
export function usePendingDocChanges(): readonly DocChange[] {
  const session = useBoardSession();
  const { pending } = docChangesFor(session.userId);
  return useSyncExternalStore(pending.subscribe, pending.get);
}

/** Everything waiting to be sent: the outbox plus card documents with unsent edits. */
export function useWaitingCount(): number {
  return useOutboxSize() + usePendingDocChanges().length;
}
