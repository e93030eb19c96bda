import { activeStages, userColor, type Card } from '@baton/shared-types';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../api/http';
import { useTranslation } from 'react-i18next';
import type { BoardInfo } from '../../api/types';
import { useApiQuery } from '../../api/useApiQuery';
import { pageShown } from '../../app/serviceWorker';
import { whenIdle } from '../../lib/idle';
import { currentLanguage, localeOf } from '../../i18n';
import { useBoardSettings } from '../../sync/boardSettings';
import { useBoardSession, useBoardView, useNetworkState, useSessionState } from '../../sync/hooks';
import { useServerNow } from '../../sync/serverTime';
import { Spinner } from '../../ui/Spinner';
import { useSession } from '../auth/AuthContext';
import { CardDrawer } from '../card/CardDrawer';
import { CreateCardDialog } from '../card/CreateCardDialog';
import { useCardActions } from '../card/useCardActions';
import { filterColumns } from '../health/health';
import { HealthEmptyState } from '../health/HealthEmptyState';
import { useHealthFilter } from '../health/useHealthFilter';
import { MoveDialog } from '../move/MoveDialog';
import { BoardColumns } from './BoardColumns';
import { BoardContext, type BoardContextValue, type ColumnHandle } from './BoardContext';
import { BoardHeader } from './BoardHeader';
import { BoardToolbar } from './BoardToolbar';
import type { MoveTarget } from './dropPosition';
import { mainCurrency, warmMoneyFormats } from './format';
import { judgeMove } from './moveRules';
import { refusalText } from './permissions';
import { useMoveRequest } from './useMoveRequest';
import { useRejectionToasts } from './useRejectionToasts';

export function BoardPage({ boardId }: { boardId: string }) {
  const { t, i18n } = useTranslation();
  const auth = useSession();
  const session = useBoardSession();
  const view = useBoardView();
  const net = useNetworkState();
  const sessionState = useSessionState();
  const info = useApiQuery<BoardInfo>(`/api/boards/${encodeURIComponent(boardId)}`, auth.token);
  const now = useServerNow(60_000);
  const { sla, standup } = useBoardSettings();
  const actions = useCardActions();
  const [openCardId, setOpenCardId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const columnHandles = useRef(new Map<string, ColumnHandle>());

  // The live connection refused our token: if the session has expired, the 401 signs the user out.
  useEffect(() => {
    if (sessionState.authError) api('/api/me', { token: auth.token }).catch(() => undefined);
  }, [sessionState.authError, auth.token]);

  const language = currentLanguage(i18n.language);
  const locale = localeOf(language);
  const role = info.data?.role ?? sessionState.role;
  const userId = auth.user.id;
  const [healthFilter, setHealthFilter] = useHealthFilter(userId);
  const filtered = useMemo(() => filterColumns(view.columns, healthFilter, sla, now), [view.columns, healthFilter, sla, now]);
  const shownView = useMemo(() => (filtered.columns === view.columns ? view : { ...view, columns: filtered.columns }), [view, filtered.columns]);
  const actor = useMemo(() => (role ? { userId, role } : null), [role, userId]);
  const members = useMemo(() => new Map((info.data?.members ?? []).map((m) => [m.userId, m])), [info.data]);
  const allStages = view.stages;
  const stages = useMemo(() => activeStages(allStages), [allStages]);
  const stageLabel = useCallback((id: string) => allStages.find((s) => s.id === id)?.label[language] ?? id, [allStages, language]);
  const currency = useMemo(() => mainCurrency(view.cards.values()), [view.cards]);
  useEffect(() => (view.loaded ? undefined : whenIdle(() => warmMoneyFormats(locale, currency))), [view.loaded, locale, currency]);
  useEffect(() => {
    if (view.loaded) pageShown();
  }, [view.loaded]);
  useRejectionToasts(stageLabel);

  const revealCard = useCallback(
    (cardId: string) => {
      let tries = 0;
      const step = () => {
        const snapshot = session.store.getSnapshot();
        const card = snapshot.cards.get(cardId);
        const index = card ? (snapshot.columns.get(card.stage)?.findIndex((c) => c.id === cardId) ?? -1) : -1;
        if (card && index >= 0) columnHandles.current.get(card.stage)?.scrollToIndex(index);
        const el = document.querySelector<HTMLElement>(`[data-testid="card-${cardId}"]`);
        if (el && tries > 0) {
          el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
          el.focus({ preventScroll: true });
          return;
        }
        if (++tries < 30) requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    },
    [session],
  );

  const moveVerdict = useCallback(
    (card: Card, toStage: string) => {
      const count = (session.store.getSnapshot().columns.get(toStage) ?? []).filter((c) => c.id !== card.id).length;
      return judgeMove(allStages, card, toStage, count, actor);
    },
    [session, allStages, actor],
  );
  const moves = useMoveRequest({ verdict: moveVerdict, send: actions.move, reveal: revealCard });
  const { request: requestMove } = moves;
  const moveFromMenu = useCallback((card: Card, target: MoveTarget) => requestMove(card, target, { reveal: true }), [requestMove]);
  const moveFromDrop = useCallback((card: Card, target: MoveTarget) => requestMove(card, target, { reveal: false }), [requestMove]);

  const context = useMemo<BoardContextValue>(
    () => ({
      boardId,
      me: auth.user,
      actor,
      members,
      stages,
      allStages,
      language,
      t,
      locale,
      mainCurrency: currency,
      now,
      sla,
      healthFilter,
      stageLabel,
      moveRefusal: (card) => refusalText(actor, 'move', card, t),
      moveVerdict,
      openCard: setOpenCardId,
      moveCard: moveFromMenu,
      columnIds: () => {
        const out: Record<string, string[]> = {};
        const { columns } = session.store.getSnapshot();
        for (const s of stages) out[s.id] = (columns.get(s.id) ?? []).map((c) => c.id);
        return out;
      },
      registerColumn: (stage, handle) => {
        if (handle) columnHandles.current.set(stage, handle);
        else columnHandles.current.delete(stage);
      },
      revealCard,
    }),
    [boardId, auth.user, actor, members, stages, allStages, language, locale, currency, now, sla, healthFilter, stageLabel, t, moveVerdict, moveFromMenu, session, revealCard],
  );

  const forbidden = info.error && (info.error.status === 403 || info.error.status === 404);
  if (forbidden) {
    return (
      <div className="full-page-message" role="alert">
        <p>{t('board.loadFailed', { message: info.error?.message })}</p>
      </div>
    );
  }

  const createRefusal = refusalText(actor, 'create', undefined, t);
  const name = view.name || info.data?.board.name || boardId;
  const myColor = members.get(userId)?.color ?? userColor(userId);

  return (
    <BoardContext.Provider value={context}>
      <div className="app-shell">
        <BoardHeader
          boardId={boardId}
          name={name}
          myId={userId}
          myColor={myColor}
          role={role}
          synced={view.synced}
          createRefusal={createRefusal}
          onCreate={() => setCreating(true)}
          standupLive={standup?.active === true}
        />
        <BoardToolbar boardId={boardId} filter={healthFilter} counts={filtered.counts} onFilter={setHealthFilter} sla={sla} actor={actor} />
        {info.error ? (
          <div className="banner banner-warn" role="alert">
            {t('board.loadFailed', { message: info.error.message })}
            <button type="button" className="btn btn-ghost btn-sm" onClick={info.reload}>
              {t('board.retry')}
            </button>
          </div>
        ) : null}
        <main className="board" aria-busy={!view.loaded}>
          {view.loaded && healthFilter !== 'all' && filtered.counts[healthFilter] === 0 ? (
            <HealthEmptyState filter={healthFilter} sla={sla} onShowAll={() => setHealthFilter('all')} />
          ) : view.loaded ? (
            <BoardColumns view={shownView} allColumns={shownView === view ? undefined : view.columns} stages={stages} commit={moveFromDrop} />
          ) : (
            <div className="board-loading">
              {net.online ? <Spinner label={t('board.waitingForServer')} /> : <p className="muted">{t('board.offlineNoCache')}</p>}
            </div>
          )}
        </main>
      </div>
      <CreateCardDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreate={(fields) => {
          const id = actions.create(fields);
          setCreating(false);
          revealCard(id);
        }}
      />
      <MoveDialog request={moves.dialog} onClose={moves.closeDialog} />
      <CardDrawer cardId={openCardId} token={auth.token} onClose={() => setOpenCardId(null)} />
    </BoardContext.Provider>
  );
}
