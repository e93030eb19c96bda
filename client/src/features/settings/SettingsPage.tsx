import { canDoOnBoard, type UserId } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import { useBoardSettings } from '../../sync/boardSettings';
import { useBoardView } from '../../sync/hooks';
import { Spinner } from '../../ui/Spinner';
import { NotAllowed } from '../board/NotAllowed';
import { SubpageHeader } from '../board/SubpageHeader';
import { useBoardBasics } from '../board/useBoardBasics';
import { SlaSettingsForm } from './SlaSettingsForm';
import { WebhookSettings } from './WebhookSettings';

/** /boards/:boardId/settings — ops and admins set the SLA thresholds and the alert webhook. */
export function SettingsPage({ boardId }: { boardId: string }) {
  const { t } = useTranslation();
  const basics = useBoardBasics(boardId);
  const view = useBoardView();
  const { sla } = useBoardSettings();
  const allowed = basics.role ? canDoOnBoard({ userId: basics.me.id as UserId, role: basics.role }, 'configureStages').ok : null;

  let body;
  if (allowed === null || !view.loaded) {
    body = <Spinner label={t('board.loading')} />;
  } else if (!allowed) {
    body = <NotAllowed boardId={boardId} testId="settings-not-allowed" message={t('settings.notAllowed', { role: basics.role ? t(`roles.${basics.role}`) : '' })} />;
  } else {
    body = (
      <div className="settings-inner">
        <SlaSettingsForm sla={sla} />
        <WebhookSettings boardId={boardId} token={basics.token} />
      </div>
    );
  }

  return (
    <div className="app-shell">
      <SubpageHeader boardId={boardId} boardName={basics.boardName} title={t('settings.title')} role={basics.role} color={basics.myColor} synced={view.synced} />
      <main className="settings-page">{body}</main>
    </div>
  );
}
