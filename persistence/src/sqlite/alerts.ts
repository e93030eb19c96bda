// SLA alerts (once per key) and the notifications they leave for each recipient.
import type { Database } from 'better-sqlite3';
import type { AlertRecord, NotificationRecord, WebhookState } from '../Store';
import { fromJson, requireSafeInteger, toJson } from './codec';

interface AlertRow {
  key: string;
  board_id: string;
  card_id: string | null;
  type: string;
  at: number;
  data: string;
  webhook_state: string;
  webhook_attempts: number;
}

interface NotificationRow {
  id: number;
  user_id: string;
  alert_key: string;
  board_id: string;
  card_id: string | null;
  type: string;
  at: number;
  data: string;
  read_at: number | null;
}

const toAlert = (r: AlertRow): AlertRecord => ({
  key: r.key,
  boardId: r.board_id,
  cardId: r.card_id,
  type: r.type,
  at: r.at,
  data: fromJson(r.data),
  webhook: r.webhook_state as WebhookState,
  webhookAttempts: r.webhook_attempts,
});

const toNotification = (r: NotificationRow): NotificationRecord => ({
  id: r.id,
  userId: r.user_id,
  alertKey: r.alert_key,
  boardId: r.board_id,
  cardId: r.card_id,
  type: r.type,
  at: r.at,
  read: r.read_at !== null,
  data: fromJson(r.data),
});

export class AlertTables {
  private readonly record;
  private readonly list;
  private readonly listUnread;
  private readonly unread;
  private readonly readOne;
  private readonly readAll;
  private readonly pending;
  private readonly setWebhook;

  constructor(db: Database) {
    const insertAlert = db.prepare(
      `INSERT OR IGNORE INTO alerts (key, board_id, card_id, type, at, data, webhook_state, webhook_attempts)
       VALUES (@key, @boardId, @cardId, @type, @at, @data, @webhook, @webhookAttempts)`,
    );
    const insertNotification = db.prepare(
      'INSERT INTO notifications (user_id, alert_key, board_id, card_id, type, at, data) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const record = db.transaction((alert: AlertRecord, recipients: readonly string[]): boolean => {
      const data = toJson(alert.data);
      if (insertAlert.run({ ...alert, data }).changes === 0) return false;
      for (const user of new Set(recipients)) insertNotification.run(user, alert.key, alert.boardId, alert.cardId, alert.type, alert.at, data);
      return true;
    });
    this.record = (alert: AlertRecord, recipients: readonly string[]): boolean => record.immediate(alert, recipients);
    this.list = db.prepare<[string, number], NotificationRow>('SELECT * FROM notifications WHERE user_id = ? ORDER BY id DESC LIMIT ?');
    this.listUnread = db.prepare<[string, number], NotificationRow>(
      'SELECT * FROM notifications WHERE user_id = ? AND read_at IS NULL ORDER BY id DESC LIMIT ?',
    );
    this.unread = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL');
    this.readOne = db.prepare<[number, string, number]>('UPDATE notifications SET read_at = ? WHERE user_id = ? AND id = ? AND read_at IS NULL');
    this.readAll = db.prepare<[number, string]>('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL');
    this.pending = db.prepare<[number], AlertRow>("SELECT * FROM alerts WHERE webhook_state = 'pending' ORDER BY at, key LIMIT ?");
    this.setWebhook = db.prepare<[string, number, string]>('UPDATE alerts SET webhook_state = ?, webhook_attempts = ? WHERE key = ?');
  }

  recordAlert(alert: AlertRecord, recipients: readonly string[]): boolean {
    requireSafeInteger(alert.at, 'alert time');
    return this.record(alert, recipients);
  }

  listNotifications(userId: string, options: { unreadOnly?: boolean; limit?: number } = {}): NotificationRecord[] {
    const limit = Math.max(0, Math.min(options.limit ?? 100, 1000));
    return (options.unreadOnly ? this.listUnread : this.list).all(userId, limit).map(toNotification);
  }

  countUnread(userId: string): number {
    return this.unread.get(userId)?.n ?? 0;
  }

  markRead(userId: string, ids: readonly number[] | 'all', at: number): number {
    if (ids === 'all') return this.readAll.run(at, userId).changes;
    let changed = 0;
    for (const id of ids) changed += this.readOne.run(at, userId, id).changes;
    return changed;
  }

  pendingWebhooks(limit: number): AlertRecord[] {
    return this.pending.all(limit).map(toAlert);
  }

  setWebhookState(key: string, state: WebhookState, attempts: number): void {
    this.setWebhook.run(state, attempts, key);
  }
}
