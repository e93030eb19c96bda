import type { Role } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import { LanguageControl } from '../../i18n/LanguageControl';
import { followLink, standupPath } from '../../lib/router';
import { PlusIcon } from '../../ui/icons';
import { UserMenu } from '../auth/UserMenu';
import { NotificationBell } from '../notifications/NotificationBell';
import { Presence } from './Presence';
import { RejectionsPanel } from './RejectionsPanel';
import { SyncStatus } from './SyncStatus';

interface Props {
  boardId: string;
  name: string;
  myId: string;
  myColor: string;
  role: Role | null;
  synced: boolean;
  /** Null when the user may create cards, else why not. */
  createRefusal: string | null;
  onCreate(): void;
  /** A standup is running on this board right now. */
  standupLive: boolean;
}

export function BoardHeader({ boardId, name, myId, myColor, role, synced, createRefusal, onCreate, standupLive }: Props) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="header-left">
        <span className="brand" aria-label={t('app.name')}>
          <span className="brand-mark" aria-hidden="true">
            B
          </span>
        </span>
        <h1 className="board-name" data-testid="board-name">
          {name}
        </h1>
        <Presence myId={myId} />
      </div>
      <div className="header-right">
        <SyncStatus synced={synced} />
        <RejectionsPanel />
        <a
          className={`btn btn-ghost standup-link ${standupLive ? 'is-live' : ''}`}
          href={standupPath(boardId)}
          onClick={followLink}
          title={t('standup.buttonTitle')}
          data-testid="standup-button"
          data-live={standupLive ? 'true' : 'false'}
        >
          {standupLive ? <span className="live-dot" aria-hidden="true" /> : <StandupIcon />}
          {standupLive ? t('standup.buttonLive') : t('standup.button')}
        </a>
        <NotificationBell />
        <button
          type="button"
          className="btn btn-primary"
          onClick={onCreate}
          disabled={createRefusal !== null}
          title={createRefusal ?? undefined}
          data-testid="new-card"
        >
          <PlusIcon />
          {t('board.newCard')}
        </button>
        <LanguageControl />
        <UserMenu role={role} color={myColor} boardId={boardId} />
      </div>
    </header>
  );
}

function StandupIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M5 2.5a2 2 0 1 1 0 4 2 2 0 0 1 0-4Zm6 0a2 2 0 1 1 0 4 2 2 0 0 1 0-4ZM1.5 12c0-2 1.6-3.75 3.5-3.75S8.5 10 8.5 12v1.5h-7Zm7.6 1.5V12c0-1.1-.3-2.1-.85-2.9A3.3 3.3 0 0 1 11 8.25c1.9 0 3.5 1.75 3.5 3.75v1.5Z"
      />
    </svg>
  );
}
