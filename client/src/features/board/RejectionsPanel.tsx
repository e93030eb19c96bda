import { useSyncExternalStore } from 'react';
import { ValueStore } from '../../lib/valueStore';
import { useTranslation } from 'react-i18next';
import { useBoardSession, useBoardView, useRejections, type RejectedChange } from '../../sync/hooks';
import { Dialog } from '../../ui/Dialog';
import { WarningIcon } from '../../ui/icons';
import { rejectionText } from '../notifications/rejectionText';
import { useBoard } from './BoardContext';
import { redoFor } from './redo';
import { dateFormat } from '../../lib/dateFormat';

const panelOpen = new ValueStore(false);

/** Opens the list (e.g. from a rejection toast). */
export function openRejectionsPanel(): void {
  panelOpen.set(true);
}

/**
 * Header button + the "changes not applied" list: every change the server refused (also ones
 * replayed after working offline, and kept across reloads), which change and why in words, with
 * Redo where trying again makes sense (a gate failure re-opens the move flow) and Dismiss.
 */
export function RejectionsPanel() {
  const { t } = useTranslation();
  const board = useBoard();
  const session = useBoardSession();
  const view = useBoardView();
  const rejections = useRejections();
  const open = useSyncExternalStore(panelOpen.subscribe, panelOpen.get);
  const setOpen = (value: boolean) => panelOpen.set(value);
  if (rejections.length === 0 && !open) return null;
  const time = dateFormat(board.locale, { dateStyle: 'short', timeStyle: 'short' });

  const redo = (r: RejectedChange) => {
    const action = redoFor(r, view.cards);
    if (!action) return;
    session.dismissRejection(r);
    if (action.kind === 'move') {
      setOpen(false);
      board.moveCard(action.card, action.target);
    } else {
      session.submit(action.input);
    }
  };

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
                const canRedo = redoFor(r, view.cards) !== null;
                return (
                  <li key={r.command.id} className="rejection-item" data-testid="rejection-item" data-command={r.command.type} data-reason={r.reason}>
                    <div className="rejection-main">
                      <div className="rejection-title">{text.title}</div>
                      <div className="rejection-body">{text.body}</div>
                      {text.detail ? <div className="rejection-detail">{text.detail}</div> : null}
                      <time className="rejection-time">{time.format(r.at)}</time>
                    </div>
                    <div className="rejection-actions">
                      {canRedo ? (
                        <button type="button" className="btn btn-primary btn-sm" title={t('offline.redoTitle')} data-testid="rejection-redo" onClick={() => redo(r)}>
                          {t('offline.redo')}
                        </button>
                      ) : null}
                      <button type="button" className="btn btn-ghost btn-sm" data-testid="rejection-dismiss" onClick={() => session.dismissRejection(r)}>
                        {t('reject.dismiss')}
                      </button>
                    </div>
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
