import type { Role } from '@baton/shared-types';
import type { ReactNode } from 'react';
import { LanguageControl } from '../../i18n/LanguageControl';
import { boardPath, followLink } from '../../lib/router';
import { ArrowLeftIcon } from '../../ui/icons';
import { UserMenu } from '../auth/UserMenu';
import { SyncStatus } from './SyncStatus';

interface Props {
  boardId: string;
  boardName: string;
  title: ReactNode;
  role: Role | null;
  color: string;
  synced: boolean;
  /** Between the title and the sync badge (e.g. who is in the document). */
  extra?: ReactNode;
}

/** The header of a page beside the board: back to the board, the page's title, sync, language and account. */
export function SubpageHeader({ boardId, boardName, title, role, color, synced, extra }: Props) {
  return (
    <header className="app-header">
      <div className="header-left">
        <a className="back-link" href={boardPath(boardId)} onClick={followLink} data-testid="back-to-board">
          <ArrowLeftIcon />
          <span>{boardName}</span>
        </a>
        <span className="header-divider" aria-hidden="true" />
        <h1 className="board-name">{title}</h1>
        {extra}
      </div>
      <div className="header-right">
        <SyncStatus synced={synced} />
        <LanguageControl />
        <UserMenu role={role} color={color} boardId={boardId} />
      </div>
    </header>
  );
}
