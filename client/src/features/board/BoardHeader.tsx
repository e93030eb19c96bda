import type { Role } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import { LanguageControl } from '../../i18n/LanguageControl';
import { PlusIcon } from '../../ui/icons';
import { UserMenu } from '../auth/UserMenu';
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
}

export function BoardHeader({ boardId, name, myId, myColor, role, synced, createRefusal, onCreate }: Props) {
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
