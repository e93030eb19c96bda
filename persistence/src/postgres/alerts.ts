// SLA alerts (once per key) and the notifications they leave for each recipient.
import type { AlertRecord, NotificationRecord, WebhookState } from '../Store';
import { requireSafeInteger, toInt } from './codec';
import type { Db } from './db';

interface AlertRow {
  key: string;
  board_id: string;
  card_id: string | null;
  type: string;
  at: string;
  data: string;
  webhook_state: string;
  webhook_attempts: number;
}

interface NotificationRow {
  id: string;
  user_id: string;
  alert_key: string;
  board_id: string;
  card_id: string | null;
  type: string;
  at: string;
  data: string;
  read_at: string | null;
}

const toAlert = (r: AlertRow): AlertRecord => ({
  key: r.key,
  boardId: r.board_id,
  cardId: r.card_id,
  type: r.type,
  at: toInt(r.at, 'alert at'),
  data: JSON.parse(r.data) as Record<string, unknown>,
  webhook: r.webhook_state as WebhookState,
  webhookAttempts: r.webhook_attempts,
});

const toNotification = (r: NotificationRow): NotificationRecord => ({
  id: toInt(r.id, 'notification id'),
  userId: r.user_id,
  alertKey: r.alert_key,
  boardId: r.board_id,
  cardId: r.card_id,
  type: r.type,
  at: toInt(r.at, 'notification at'),
  read: r.read_at !== null,
  data: JSON.parse(r.data) as Record<string, unknown>,
});

export class AlertTables {
  constructor(private readonly db: Db) {}

  async recordAlert(alert: AlertRecord, recipients: readonly string[]): Promise<boolean> {
    requireSafeInteger(alert.at, 'alert time');
    const data = JSON.stringify(alert.data);
    return this.db.transaction(async (tx) => {
      const inserted = await tx.run(
        `INSERT INTO alerts (key, board_id, card_id, type, at, data, webhook_state, webhook_attempts)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (key) DO NOTHING`,
        [alert.key, alert.boardId, alert.cardId, alert.type, alert.at, data, alert.webhook, alert.webhookAttempts],
      );
      if (inserted === 0) return false;
      for (const user of new Set(recipients)) {
        await tx.run('INSERT INTO notifications (user_id, alert_key, board_id, card_id, type, at, data) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
          user,
          alert.key,
          alert.boardId,
          alert.cardId,
          alert.type,
          alert.at,
          data,
        ]);
      }
      return true;
    });
  }

  async listNotifications(userId: string, options: { unreadOnly?: boolean; limit?: number } = {}): Promise<NotificationRecord[]> {
    const limit = Math.max(0, Math.min(options.limit ?? 100, 1000));
    const rows = await this.db.rows<NotificationRow>(
      `SELECT * FROM notifications WHERE user_id = $1 ${options.unreadOnly ? 'AND read_at IS NULL' : ''} ORDER BY id DESC LIMIT $2`,
      [userId, limit],
    );
    return rows.map(toNotification);
  }

  async countUnread(userId: string): Promise<number> {
    const [row] = await this.db.rows<{ n: string }>('SELECT count(*) AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [userId]);
    return toInt(row?.n ?? '0', 'unread count');
  }

  async markRead(userId: string, ids: readonly number[] | 'all', at: number): Promise<number> {
    if (ids === 'all') return this.db.run('UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL', [at, userId]);
    if (ids.length === 0) return 0;
    return this.db.run('UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND id = ANY($3::bigint[]) AND read_at IS NULL', [at, userId, [...ids]]);
  }

  async pendingWebhooks(limit: number): Promise<AlertRecord[]> {
    const rows = await this.db.rows<AlertRow>(`SELECT * FROM alerts WHERE webhook_state = 'pending' ORDER BY at, key COLLATE "C" LIMIT $1`, [limit]);
    return rows.map(toAlert);
  }

  async setWebhookState(key: string, state: WebhookState, attempts: number): Promise<void> {
    await this.db.run('UPDATE alerts SET webhook_state = $1, webhook_attempts = $2 WHERE key = $3', [state, attempts, key]);
  }
}
