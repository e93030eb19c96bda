import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Popover } from '../../ui/Popover';
import { useBoard } from '../board/BoardContext';
import { NotificationPanel } from './NotificationPanel';
import { notificationText } from './notificationText';
import { useFeedState, useNotificationFeed } from './useNotificationFeed';

/** The header's bell: unread count, a panel of alerts, and a spoken note when new ones arrive. */
export function NotificationBell() {
  const { t } = useTranslation();
  const board = useBoard();
  const feed = useNotificationFeed();
  const state = useFeedState(feed);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const close = useCallback((returnFocus: boolean) => {
    setAnchor(null);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  const { unread, arrived } = state;
  const latest = arrived.items[arrived.items.length - 1];
  const memberName = (id: string) => board.members.get(id)?.displayName ?? id;
  const announcement = latest
    ? t('alerts.announce', { count: arrived.items.length, text: notificationText(latest, t, { stageLabel: board.stageLabel, memberName, myId: board.me.id }).title })
    : '';

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className={`bell-button ${unread > 0 ? 'has-unread' : ''}`}
        aria-label={t('alerts.bellLabel', { count: unread })}
        title={t('alerts.bellLabel', { count: unread })}
        aria-haspopup="dialog"
        aria-expanded={anchor !== null}
        onClick={(e) => setAnchor(anchor ? null : e.currentTarget)}
        data-testid="notification-bell"
        data-unread={unread}
      >
        {/* Keyed by the arrival batch, so the bell rings again for each new one. */}
        <span key={arrived.seq} className={arrived.seq > 0 ? 'bell-icon is-ringing' : 'bell-icon'}>
          <BellIcon />
        </span>
        {unread > 0 ? (
          <span className="bell-count" aria-hidden="true" data-testid="notification-count">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      <span className="visually-hidden" role="status" aria-live="polite" data-testid="notification-announcement">
        {announcement}
      </span>
      {anchor ? (
        <Popover anchor={anchor} label={t('alerts.title')} width={400} onClose={close} className="alerts-popover" testId="notification-panel">
          <NotificationPanel feed={feed} state={state} onDone={() => close(false)} />
        </Popover>
      ) : null}
    </>
  );
}

function BellIcon() {
  return (
    <svg width="18" height="18" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M8 1.25a.75.75 0 0 1 .75.75v.54A4.75 4.75 0 0 1 12.75 7.2v2.37l1.1 1.84a.75.75 0 0 1-.64 1.14H2.8a.75.75 0 0 1-.64-1.14l1.1-1.84V7.2a4.75 4.75 0 0 1 4-4.66V2A.75.75 0 0 1 8 1.25Zm0 2.7A3.25 3.25 0 0 0 4.75 7.2v2.58c0 .14-.04.27-.1.39l-.53.88h7.76l-.53-.88a.75.75 0 0 1-.1-.39V7.2A3.25 3.25 0 0 0 8 3.95ZM6.25 13.5h3.5a1.75 1.75 0 0 1-3.5 0Z"
      />
    </svg>
  );
}
