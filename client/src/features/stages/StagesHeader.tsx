import type { Role } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import { SubpageHeader } from '../board/SubpageHeader';

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
  return <SubpageHeader boardId={boardId} boardName={boardName} title={t('stages.title')} role={role} color={color} synced={synced} />;
}
