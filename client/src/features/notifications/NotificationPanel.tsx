import type { NotificationMessage } from '@baton/shared-types';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { boardPath, navigate } from '../../lib/router';
import { useServerNow } from '../../sync/serverTime';
import { Spinner } from '../../ui/Spinner';
import { useBoard } from '../board/BoardContext';
import type { FeedState, NotificationFeed } from './notificationFeed';
import { notificationText, relativeTime } from './notificationText';

interface Props {
  feed: NotificationFeed;
  state: FeedState;
  /** Called after an alert was opened (the panel closes). */
  onDone(): void;
}

/** The alerts list: newest first, in words, with relative times; opening one opens its deal and marks it read. */
export function NotificationPanel({ feed, state, onDone }: Props) {
  const { t } = useTranslation();
  const board = useBoard();
  const now = useServerNow(30_000);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const items = unreadOnly ? state.items.filter((n) => !n.read) : state.items;
  const ctx = { stageLabel: board.stageLabel, memberName: (id: string) => board.members.get(id)?.displayName ?? id, myId: board.me.id };

  useEffect(() => {
    // Focus the first alert (or the heading when there is none), so arrows and Enter work at once.
    (listRef.current?.querySelector<HTMLElement>('.alert-item') ?? headingRef.current)?.focus();
  }, []);

  const open = (n: NotificationMessage) => {
    if (n.cardId) void feed.markCardRead(n.cardId);
    else void feed.markRead([n.id]);
    onDone();
    if (n.boardId !== board.boardId) navigate(boardPath(n.boardId));
    else if (n.cardId) board.openCard(n.cardId);
  };

  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
    const nodes = Array.from(listRef.current?.querySelectorAll<HTMLElement>('.alert-item') ?? []);
    const index = nodes.indexOf(document.activeElement as HTMLElement);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? nodes.length - 1 : index + (e.key === 'ArrowDown' ? 1 : -1);
    e.preventDefault();
    nodes[Math.max(0, Math.min(nodes.length - 1, next))]?.focus();
  };

  return (
    <div className="alerts-panel">
      <header className="alerts-head">
        <h2 ref={headingRef} tabIndex={-1} className="alerts-title">
          {t('alerts.title')}
          {state.unread > 0 ? <span className="alerts-unread-pill">{state.unread}</span> : null}
        </h2>
        <label className="alerts-toggle">
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} data-testid="alerts-unread-only" />
          {t('alerts.unreadOnly')}
        </label>
        <button type="button" className="btn btn-ghost btn-sm" disabled={state.unread === 0} onClick={() => void feed.markAllRead()} data-testid="alerts-mark-all">
          {t('alerts.markAll')}
        </button>
      </header>
      {state.status === 'error' ? (
        <div className="alerts-error" role="alert">
          {t('alerts.loadFailed', { message: state.error ?? '' })}
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => void feed.refresh()}>
            {t('alerts.retry')}
          </button>
        </div>
      ) : null}
      {state.status === 'idle' ? (
        <div className="alerts-empty">
          <Spinner label={t('alerts.loading')} />
        </div>
      ) : items.length === 0 ? (
        <div className="alerts-empty" data-testid="alerts-empty">
          <strong>{unreadOnly && state.items.length > 0 ? t('alerts.emptyUnread') : t('alerts.empty')}</strong>
          {unreadOnly && state.items.length > 0 ? null : <span className="muted">{t('alerts.emptyHint')}</span>}
        </div>
      ) : (
        <ul ref={listRef} className="alerts-list" onKeyDown={onListKey} data-testid="alerts-list">
          {items.map((n) => {
            const text = notificationText(n, t, ctx);
            const rule = String(n.data?.rule ?? n.type.replace(/^sla\./, ''));
            return (
              <li key={n.id}>
                <button
                  type="button"
                  className={`alert-item ${n.read ? '' : 'is-unread'}`}
                  onClick={() => open(n)}
                  data-testid="alert-item"
                  data-card-id={n.cardId ?? undefined}
                  data-read={n.read ? 'true' : 'false'}
                  data-type={n.type}
                >
                  <span className={`alert-icon rule-${rule}`} aria-hidden="true" />
                  <span className="alert-main">
                    <span className="alert-text">{text.title}</span>
                    <span className="alert-detail">
                      {text.detail}
                      {n.boardId !== board.boardId ? ` · ${t('alerts.otherBoard')}` : ''}
                    </span>
                  </span>
                  <span className="alert-side">
                    <time className="alert-time" dateTime={new Date(n.at).toISOString()} title={new Date(n.at).toLocaleString(board.locale)}>
                      {relativeTime(n.at, now, board.locale, t)}
                    </time>
                    {n.read ? null : <span className="alert-unread-dot" aria-label={t('alerts.unread')} role="img" />}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
