import { useSyncExternalStore } from 'react';
import { ValueStore } from '../../lib/valueStore';
import { useTranslation } from 'react-i18next';
import { useBoardSession, useRejections } from '../../sync/hooks';
import { Dialog } from '../../ui/Dialog';
import { WarningIcon } from '../../ui/icons';
import { rejectionText } from '../notifications/rejectionText';
import { useBoard } from './BoardContext';

const panelOpen = new ValueStore(false);

/** Opens the list (e.g. from a rejection toast). */
export function openRejectionsPanel(): void {
  panelOpen.set(true);
}

/** Header button + list of every change the server refused, until the user clears it. */
export function RejectionsPanel() {
  const { t } = useTranslation();
  const board = useBoard();
  const session = useBoardSession();
  const rejections = useRejections();
  const open = useSyncExternalStore(panelOpen.subscribe, panelOpen.get);
  const setOpen = (value: boolean) => panelOpen.set(value);
  const time = new Intl.DateTimeFormat(board.locale, { timeStyle: 'short' });
  if (rejections.length === 0 && !open) return null;
  return (
    <>
      <button type="button" className="btn btn-warn btn-sm" data-testid="rejections-button" onClick={() => setOpen(true)}>
        <WarningIcon />
        {t('reject.listButton', { count: rejections.length })}
      </button>
      <Dialog open={open} title={t('reject.listTitle')} onClose={() => setOpen(false)} closeLabel={t('reject.close')} className="dialog-panel" testId="rejections-panel">
        {rejections.length === 0 ? (
          <p className="muted">{t('reject.listEmpty')}</p>
        ) : (
          <>
            <ul className="rejection-list">
              {rejections.map((r) => {
                const text = rejectionText(r, t, board.language, board.stageLabel);
                return (
                  <li key={`${r.command.id}`} className="rejection-item" data-testid="rejection-item">
                    <div className="rejection-main">
                      <div className="rejection-title">{text.title}</div>
                      <div className="rejection-body">{text.body}</div>
                      {text.detail ? <div className="rejection-detail">{text.detail}</div> : null}
                      <time className="rejection-time">{time.format(r.at)}</time>
                    </div>
                    <button type="button" className="btn btn-ghost btn-sm" onClick={() => session.dismissRejection(r)}>
                      {t('reject.dismiss')}
                    </button>
                  </li>
                );
              })}
            </ul>
            <footer className="dialog-footer">
              <button type="button" className="btn btn-ghost" onClick={() => session.dismissRejection('all')}>
                {t('reject.dismissAll')}
              </button>
            </footer>
          </>
        )}
      </Dialog>
    </>
  );
}
