import type { AlertRecord, Store } from '@baton/persistence';
import { createHmac } from 'node:crypto';
import type { Clock } from '../clock';
import type { Logger } from '../log';

export interface WebhookConfig {
  url: string;
  secret: string;
}

const settingKey = (boardId: string) => `webhook:${boardId}`;

export async function readWebhook(store: Store, boardId: string): Promise<WebhookConfig | null> {
  const raw = await store.getSetting(settingKey(boardId));
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as Partial<WebhookConfig>;
    return typeof v.url === 'string' && v.url && typeof v.secret === 'string' ? { url: v.url, secret: v.secret } : null;
  } catch {
    return null;
  }
}

export const writeWebhook = (store: Store, boardId: string, config: WebhookConfig | null) =>
  store.setSetting(settingKey(boardId), config ? JSON.stringify(config) : '');

/** `sha256=<hex HMAC of "<timestamp>.<body>">`: what a receiver recomputes with the shared secret. */
export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface WebhookSenderOptions {
  maxAttempts: number;
  /** Delay before attempt n+1 is baseDelayMs * 2^n (capped at maxDelayMs). */
  baseDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
}

/**
 * Delivers alerts to each board's webhook: JSON, signed with the board's shared secret, retried
 * with exponential backoff. Deliveries are queued in the store (alerts with a pending webhook),
 * so a restart resumes them; a slow or failing receiver never blocks anything else (each
 * request has a timeout, and sending runs on its own timer).
 */
export class WebhookSender {
  private timer: NodeJS.Timeout | null = null;
  private busy = false;
  private readonly nextAttemptAt = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly options: WebhookSenderOptions = { maxAttempts: 8, baseDelayMs: 1000, maxDelayMs: 5 * 60_000, timeoutMs: 5000 },
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One pass over pending deliveries that are due (also called right after an alert). */
  async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const now = Date.now();
      for (const alert of await this.store.pendingWebhooks(50)) {
        if ((this.nextAttemptAt.get(alert.key) ?? 0) > now) continue;
        await this.attempt(alert);
      }
    } catch (error) {
      this.log.error('webhook pass failed', error);
    } finally {
      this.busy = false;
    }
  }

  private async attempt(alert: AlertRecord): Promise<void> {
    const attempts = alert.webhookAttempts + 1;
    const config = await readWebhook(this.store, alert.boardId);
    if (!config) {
      await this.store.setWebhookState(alert.key, 'failed', attempts);
      return;
    }
    const body = JSON.stringify({ type: alert.type, alertKey: alert.key, boardId: alert.boardId, cardId: alert.cardId, at: alert.at, data: alert.data });
    const timestamp = String(this.clock.now());
    try {
      const res = await fetch(config.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-baton-timestamp': timestamp, 'x-baton-signature': signature(config.secret, timestamp, body) },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      if (!res.ok) throw new Error(`receiver answered ${res.status}`);
      this.nextAttemptAt.delete(alert.key);
      await this.store.setWebhookState(alert.key, 'delivered', attempts);
    } catch (error) {
      const giveUp = attempts >= this.options.maxAttempts;
      await this.store.setWebhookState(alert.key, giveUp ? 'failed' : 'pending', attempts);
      this.nextAttemptAt.set(alert.key, Date.now() + Math.min(this.options.baseDelayMs * 2 ** (attempts - 1), this.options.maxDelayMs));
      this.log.warn(giveUp ? 'webhook delivery given up' : 'webhook delivery failed, will retry', { key: alert.key, attempts, error: String(error) });
    }
  }
}
