import { canDoOnBoard, type UserId } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import { boardPath, followLink } from '../../lib/router';
import { useBoardSettings } from '../../sync/boardSettings';
import { useBoardView } from '../../sync/hooks';
import { Spinner } from '../../ui/Spinner';
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
    body = (
      <div className="not-allowed" role="alert" data-testid="settings-not-allowed">
        <h2>{t('stages.notAllowedTitle')}</h2>
        <p>{t('settings.notAllowed', { role: basics.role ? t(`roles.${basics.role}`) : '' })}</p>
        <a className="btn btn-primary" href={boardPath(boardId)} onClick={followLink}>
          {t('stages.backToBoard')}
        </a>
      </div>
    );
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
