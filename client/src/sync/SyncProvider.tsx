import { createContext, useEffect, useState, type ReactNode } from 'react';
import { appNetwork } from './appNetwork';
import { BoardSession } from './boardSession';
import { syncPendingDocs } from './cardDocs';
import { resolveCardTitlesWith } from './docChanges';
import { IdbOutboxStore } from './idbOutboxStore';

export const BoardSessionContext = createContext<BoardSession | null>(null);

interface Props {
  boardId: string;
  token: string;
  userId: string;
  /** Shown until the local cache of the board has been read. */
  fallback: ReactNode;
  children: ReactNode;
}

/** Opens the board session for its children; closes it when the board, user or token changes. */
export function SyncProvider({ boardId, token, userId, fallback, children }: Props) {
  const [session, setSession] = useState<BoardSession | null>(null);

  useEffect(() => {
    const outboxStore = typeof indexedDB === 'undefined' ? undefined : new IdbOutboxStore(userId, boardId);
    const next = new BoardSession({ boardId, token, userId, network: appNetwork(), ...(outboxStore ? { outboxStore } : {}) });
    let active = true;
    void next.start().then(() => {
      if (active) setSession(next);
    });
    // Card documents edited offline are sent even if nobody opens them again.
    const stopDocs = syncPendingDocs(userId, token);
    const stopTitles = resolveCardTitlesWith((cardId) => next.store.getSnapshot().cards.get(cardId)?.title);
    return () => {
      active = false;
      stopTitles();
      stopDocs();
      next.destroy();
    };
  }, [boardId, token, userId]);

  if (!session) return <>{fallback}</>;
  return <BoardSessionContext.Provider value={session}>{children}</BoardSessionContext.Provider>;
}
