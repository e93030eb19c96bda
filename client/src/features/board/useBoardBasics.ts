import { userColor, type Role, type StageConfig } from '@baton/shared-types';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardInfo, BoardMember, SessionUser } from '../../api/types';
import { useApiQuery, type QueryState } from '../../api/useApiQuery';
import { currentLanguage, localeOf, type Language } from '../../i18n';
import { useBoardView, useSessionState } from '../../sync/hooks';
import { useServerNow } from '../../sync/serverTime';
import { useSession } from '../auth/AuthContext';
import type { Actor } from './permissions';

export interface BoardBasics {
  boardId: string;
  boardName: string;
  info: QueryState<BoardInfo>;
  token: string;
  me: SessionUser;
  myColor: string;
  role: Role | null;
  actor: Actor | null;
  members: ReadonlyMap<string, BoardMember>;
  memberName(id: string): string;
  /** Every stage the board knows, retired ones included. */
  stages: readonly StageConfig[];
  stageLabel(id: string): string;
  language: Language;
  locale: string;
  /** Server-corrected current time (refreshed every minute). */
  now: number;
}

/** What the pages beside the board (pack, customer timeline) need about the board and the user. */
export function useBoardBasics(boardId: string): BoardBasics {
  const { i18n } = useTranslation();
  const { token, user } = useSession();
  const view = useBoardView();
  const sessionState = useSessionState();
  const info = useApiQuery<BoardInfo>(`/api/boards/${encodeURIComponent(boardId)}`, token);
  const now = useServerNow(60_000);
  const language = currentLanguage(i18n.language);
  const role = info.data?.role ?? sessionState.role;
  const actor = useMemo(() => (role ? { userId: user.id, role } : null), [role, user.id]);
  const members = useMemo(() => new Map((info.data?.members ?? []).map((m) => [m.userId, m])), [info.data]);
  const stages = view.stages;
  const stageLabel = useCallback((id: string) => stages.find((s) => s.id === id)?.label[language] ?? id, [stages, language]);
  const memberName = useCallback((id: string) => members.get(id)?.displayName ?? id, [members]);
  return {
    boardId,
    boardName: view.name || info.data?.board.name || boardId,
    info,
    token,
    me: user,
    myColor: members.get(user.id)?.color ?? userColor(user.id),
    role,
    actor,
    members,
    memberName,
    stages,
    stageLabel,
    language,
    locale: localeOf(language),
    now,
  };
}
