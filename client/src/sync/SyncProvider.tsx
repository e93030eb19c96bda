import { createContext, useEffect, useState, type ReactNode } from 'react';
import { appNetwork } from './appNetwork';
import { BoardSession } from './boardSession';

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
    const next = new BoardSession({ boardId, token, userId, network: appNetwork() });
    let active = true;
    void next.start().then(() => {
      if (active) setSession(next);
    });
    return () => {
      active = false;
      next.destroy();
    };
  }, [boardId, token, userId]);

  if (!session) return <>{fallback}</>;
  return <BoardSessionContext.Provider value={session}>{children}</BoardSessionContext.Provider>;
}
