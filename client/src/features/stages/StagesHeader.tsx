import type { Role } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import { LanguageControl } from '../../i18n/LanguageControl';
import { boardPath, followLink } from '../../lib/router';
import { ArrowLeftIcon } from '../../ui/icons';
import { UserMenu } from '../auth/UserMenu';
import { SyncStatus } from '../board/SyncStatus';

interface Props {
  boardId: string;
  boardName: string;
  role: Role | null;
  color: string;
  synced: boolean;
}

/** The stage editor's header: back to the board, sync state, language and account. */
export function StagesHeader({ boardId, boardName, role, color, synced }: Props) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="header-left">
        <a className="back-link" href={boardPath(boardId)} onClick={followLink} data-testid="back-to-board">
          <ArrowLeftIcon />
          <span>{boardName}</span>
        </a>
        <span className="header-divider" aria-hidden="true" />
        <h1 className="board-name">{t('stages.title')}</h1>
      </div>
      <div className="header-right">
        <SyncStatus synced={synced} />
        <LanguageControl />
        <UserMenu role={role} color={color} boardId={boardId} />
      </div>
    </header>
  );
}
