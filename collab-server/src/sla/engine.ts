import type { AlertRecord, Store } from '@baton/persistence';
import { alertKey, boardDocName, slaClocks, type SlaRule } from '@baton/shared-types';
import { readSla } from '@baton/shared-types/ydoc';
import type { DocAccess } from '../boards/docAccess';
import type { Directory } from '../boards/directory';
import { liveCards } from '../boards/liveIndex';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import { recipientsFor } from './recipients';

export interface SlaEngineDeps {
  store: Store;
  clock: Clock;
  docs: DocAccess;
  directory: Directory;
  log: Logger;
  /** Tells connected recipients at once (their browsers also poll). */
  notify(alert: AlertRecord, recipients: readonly string[]): void;
  /** Whether a board forwards alerts to a webhook. */
  hasWebhook(boardId: string): Promise<boolean>;
}

/**
 * Watches the clocks. Deadlines come from what is stored (card fields the events produced),
 * never from in-memory timers alone, so a restart neither loses nor repeats an alert: each
 * alert has a key (rule, card, when its clock started) that the store records once — also when
 * several processes evaluate at the same moment.
 */
export class SlaEngine {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  /** Keys this process already knows are recorded (saves a store round trip per run). */
  private readonly known = new Set<string>();

  constructor(private readonly deps: SlaEngineDeps) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.runOnce().catch((e: unknown) => this.deps.log.error('SLA run failed', e)), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Resolves when no evaluation is running. */
  async idle(): Promise<void> {
    await this.running?.catch(() => 0);
  }

  /** Evaluates every board now; resolves with how many alerts this call recorded. */
  runOnce(): Promise<number> {
    this.running ??= this.evaluateAll().finally(() => (this.running = null));
    return this.running;
  }

  private async evaluateAll(): Promise<number> {
    let fired = 0;
    for (const board of await this.deps.store.listBoards()) fired += await this.evaluateBoard(board.id);
    return fired;
  }

  private async evaluateBoard(boardId: string): Promise<number> {
    const now = this.deps.clock.now();
    const { cards, sla } = await this.deps.docs.withDoc(boardDocName(boardId), (doc) => ({ cards: liveCards(doc), sla: readSla(doc) }));
    const due: Array<{ key: string; rule: SlaRule; card: (typeof cards)[number]; dueAt: number; since: number }> = [];
    for (const card of cards) {
      for (const clock of slaClocks(card, sla)) {
        const key = alertKey(card.id, clock);
        if (now >= clock.dueAt && !this.known.has(key)) due.push({ key, rule: clock.rule, card, dueAt: clock.dueAt, since: clock.since });
      }
    }
    if (due.length === 0) return 0;
    const members = await this.deps.directory.members(boardId);
    const webhook = (await this.deps.hasWebhook(boardId)) ? 'pending' : 'none';
    let fired = 0;
    for (const d of due) {
      const recipients = recipientsFor(d.rule, d.card, members);
      const alert: AlertRecord = {
        key: d.key,
        boardId,
        cardId: d.card.id,
        type: `sla.${d.rule}`,
        at: now,
        data: { rule: d.rule, dueAt: d.dueAt, since: d.since, title: d.card.title, customer: d.card.customer, stage: d.card.stage, ownerId: d.card.ownerId, recipients },
        webhook,
        webhookAttempts: 0,
      };
      if (await this.deps.store.recordAlert(alert, recipients)) {
        fired++;
        await this.deps.store.appendEvents([{ boardId, cardId: d.card.id, type: 'sla.alert', actor: 'system', at: now, data: { rule: d.rule, key: d.key, recipients } }]);
        this.deps.notify(alert, recipients);
      }
      this.known.add(d.key);
    }
    return fired;
  }
}
