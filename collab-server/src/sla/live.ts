import type { AlertRecord, Store } from '@baton/persistence';
import { boardDocName, type ServerMessage } from '@baton/shared-types';
import type { Hocuspocus } from '@hocuspocus/server';
import { connectionContext } from '../extensions/context';

/** Sends a new notification to every connection its recipients have open on the board, right away. */
export async function pushNotification(hocuspocus: Hocuspocus, store: Store, alert: AlertRecord, recipients: readonly string[]): Promise<void> {
  const doc = hocuspocus.documents.get(boardDocName(alert.boardId));
  if (!doc) return;
  const wanted = new Set(recipients);
  for (const connection of doc.getConnections()) {
    const userId = connectionContext(connection.context)?.user.id;
    if (!userId || !wanted.has(userId)) continue;
    const [n] = (await store.listNotifications(userId, { limit: 20 })).filter((x) => x.alertKey === alert.key);
    if (!n) continue;
    const message: ServerMessage = {
      type: 'notification',
      notification: { id: n.id, type: n.type, boardId: n.boardId, cardId: n.cardId, at: n.at, read: n.read, data: n.data },
    };
    connection.sendStateless(JSON.stringify(message));
  }
}

/** Tells every connected screen the server's time (after the fake clock moved), so timers re-sync. */
export function broadcastClock(hocuspocus: Hocuspocus, serverTime: number): void {
  const message: ServerMessage = { type: 'clock', serverTime };
  for (const doc of hocuspocus.documents.values()) doc.relayStateless(JSON.stringify(message));
}
