import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeResponse } from '../../api/types';
import { useApiQuery } from '../../api/useApiQuery';
import { useRoute, type Route } from '../../lib/router';
import { SyncProvider } from '../../sync/hooks';
import { FullPageMessage, Spinner } from '../../ui/Spinner';
import { useSession } from '../auth/AuthContext';
import { StagesPage } from '../stages/StagesPage';
import { BoardPage } from './BoardPage';

const LAST_BOARD = 'baton.lastBoard';

// The editor (tiptap, ProseMirror) loads with the first pack opened, not with the board.
const PackPage = lazy(() => import('../pack/PackPage').then((m) => ({ default: m.PackPage })));
const CustomerPage = lazy(() => import('../customer/CustomerPage').then((m) => ({ default: m.CustomerPage })));
const StandupPage = lazy(() => import('../standup/StandupPage').then((m) => ({ default: m.StandupPage })));
const SettingsPage = lazy(() => import('../settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));

function rememberedBoard(fromAddress: string | null): string | null {
  try {
    return fromAddress ?? localStorage.getItem(LAST_BOARD);
  } catch {
    return fromAddress;
  }
}

function remember(boardId: string): void {
  try {
    localStorage.setItem(LAST_BOARD, boardId);
  } catch {
    // not remembered
  }
}

/**
 * Picks the board (/boards/:id or ?board=, else the last one opened, else the user's first board) and
 * opens its sync session. Works offline for a board opened before on this device.
 */
export function BoardRoute() {
  const { t } = useTranslation();
  const { token, user } = useSession();
  const me = useApiQuery<MeResponse>('/api/me', token);
  const route = useRoute();
  const wanted = rememberedBoard(route.boardId);
  const boards = me.data?.boards ?? [];
  const boardId = boards.some((b) => b.id === wanted) ? wanted : (boards[0]?.id ?? (me.error?.reason === 'network' ? wanted : null));

  if (!boardId) {
    if (me.loading || !me.data && !me.error) return <FullPageMessage><Spinner label={t('board.loading')} /></FullPageMessage>;
    if (me.error) {
      return (
        <FullPageMessage>
          <p role="alert">{t('board.loadFailed', { message: me.error.message })}</p>
          <button type="button" className="btn btn-primary" onClick={me.reload}>
            {t('board.retry')}
          </button>
        </FullPageMessage>
      );
    }
    return <FullPageMessage><p>{t('board.noBoards')}</p></FullPageMessage>;
  }
  remember(boardId);
  // The board and the pages beside it share one open session, so switching between them is instant.
  return (
    <SyncProvider
      boardId={boardId}
      token={token}
      userId={user.id}
      fallback={
        <FullPageMessage>
          <Spinner label={t('board.loading')} />
        </FullPageMessage>
      }
    >
      <Suspense
        fallback={
          <FullPageMessage>
            <Spinner label={t('app.loading')} />
          </FullPageMessage>
        }
      >
        <Screen route={route} boardId={boardId} />
      </Suspense>
    </SyncProvider>
  );
}

/** The page of the address, on the open board. */
function Screen({ route, boardId }: { route: Route; boardId: string }) {
  if (route.name === 'stages') return <StagesPage boardId={boardId} />;
  if (route.name === 'standup' && route.boardId === boardId) return <StandupPage boardId={boardId} />;
  if (route.name === 'settings' && route.boardId === boardId) return <SettingsPage boardId={boardId} />;
  if (route.name === 'pack' && route.boardId === boardId) return <PackPage key={route.cardId} boardId={boardId} cardId={route.cardId} tab={route.tab} />;
  if (route.name === 'customer' && route.boardId === boardId) return <CustomerPage key={route.customer} boardId={boardId} customer={route.customer} />;
  return <BoardPage boardId={boardId} />;
}
