import type { NotificationMessage } from '@baton/shared-types';
import { useEffect, useSyncExternalStore } from 'react';
import { api } from '../../api/http';
import type { BoardSession } from '../../sync/boardSession';
import { useBoardSession } from '../../sync/hooks';
import { useSession } from '../auth/AuthContext';
import { NotificationFeed, type FeedState, type NotificationList } from './notificationFeed';

const LIST_LIMIT = 200;
const feeds = new WeakMap<BoardSession, NotificationFeed>();

/** The signed-in user's alert feed for an open board session (live messages arrive on its connection). */
function feedOf(session: BoardSession, token: string): NotificationFeed {
  let feed = feeds.get(session);
  if (!feed) {
    const created = new NotificationFeed({
      list: () => api<NotificationList>(`/api/notifications?limit=${LIST_LIMIT}`, { token }),
      markRead: (body) => api<{ unread: number }>('/api/notifications/read', { token, method: 'POST', body }),
    });
    session.onServerMessage((message) => {
      if (message.type === 'notification') created.receive(message.notification);
      // A new connection may have missed pushes while it was away.
      else if (message.type === 'hello') void created.refresh();
    });
    feeds.set(session, created);
    feed = created;
  }
  return feed;
}

/** The feed, without loading it (for reading what is there and marking things read). */
export function useFeed(): NotificationFeed {
  return feedOf(useBoardSession(), useSession().token);
}

/** The feed, loaded and polled (every 60 s) while the calling component is on screen. */
export function useNotificationFeed(): NotificationFeed {
  const feed = useFeed();
  useEffect(() => feed.retain(), [feed]);
  return feed;
}

export function useFeedState(feed: NotificationFeed): FeedState {
  return useSyncExternalStore(feed.state.subscribe, feed.state.get);
}

/** How many unread alerts the user has about a card (re-renders only when that number changes). */
export function useUnreadForCard(cardId: string): number {
  const feed = useFeed();
  return useSyncExternalStore(feed.state.subscribe, () => feed.state.get().unreadByCard.get(cardId) ?? 0);
}

/** The unread notifications of a card, newest first. */
export function useCardAlerts(cardId: string): readonly NotificationMessage[] {
  const state = useFeedState(useFeed());
  return state.items.filter((n) => n.cardId === cardId && !n.read);
}
