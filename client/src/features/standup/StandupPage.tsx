import { userColor } from '@baton/shared-types';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardSettings } from '../../sync/boardSettings';
import { useBoardView } from '../../sync/hooks';
import { useServerNow } from '../../sync/serverTime';
import { Spinner } from '../../ui/Spinner';
import { SubpageHeader } from '../board/SubpageHeader';
import { useBoardBasics } from '../board/useBoardBasics';
import { StandupLive } from './StandupLive';
import { StandupLobby } from './StandupLobby';
import { stuckByOwner } from './standupModel';

/**
 * /boards/:boardId/standup — the shared standup, driven entirely by the board document: whoever
 * opens it sees the same speaker, the same deals and the same timer.
 */
export function StandupPage({ boardId }: { boardId: string }) {
  const { t } = useTranslation();
  const basics = useBoardBasics(boardId);
  const view = useBoardView();
  const { sla, standup } = useBoardSettings();
  const now = useServerNow(60_000);
  const stuck = useMemo(() => stuckByOwner(view.cards.values(), sla, now), [view.cards, sla, now]);
  const name = basics.memberName;
  const color = (id: string) => basics.members.get(id)?.color ?? userColor(id);
  const live = standup?.active === true;

  return (
    <div className="app-shell standup-shell">
      <SubpageHeader
        boardId={boardId}
        boardName={basics.boardName}
        title={t('standup.title')}
        role={basics.role}
        color={basics.myColor}
        synced={view.synced}
        extra={
          live ? (
            <span className="live-badge" data-testid="standup-live-badge">
              <span className="live-dot" aria-hidden="true" />
              {t('standup.live')}
            </span>
          ) : null
        }
      />
      <main className="standup-page" aria-busy={!view.loaded}>
        {!view.loaded ? (
          <div className="board-loading">
            <Spinner label={t('board.loading')} />
          </div>
        ) : live && standup ? (
          <StandupLive
            state={standup}
            actor={basics.actor}
            stuck={stuck}
            stages={basics.stages}
            stageLabel={basics.stageLabel}
            name={name}
            color={color}
            sla={sla}
            now={now}
            locale={basics.locale}
          />
        ) : (
          <StandupLobby role={basics.role} last={standup} stuck={stuck} name={name} color={color} />
        )}
      </main>
    </div>
  );
}
