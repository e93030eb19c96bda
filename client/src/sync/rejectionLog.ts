import { ValueStore } from '../lib/valueStore';
import type { CommandRejection } from './commandChannel';
import type { OutboxStore, StoredRejection } from './outboxStore';

export interface RejectedChange extends CommandRejection {
  /** The card's title when the change was refused (for messages in words). */
  cardTitle: string;
  at: number;
  /** A dialog or page on screen already shows this refusal (no toast needed). */
  shownInline: boolean;
}

const MAX = 100;
const warn = (error: unknown) => console.warn('Baton: could not save the list of changes not applied:', error);

function toRecord(r: RejectedChange): StoredRejection {
  const record: StoredRejection = { command: r.command, reason: r.reason, message: r.message, cardTitle: r.cardTitle, at: r.at };
  if (r.details) record.details = r.details;
  return record;
}

function fromRecord(r: StoredRejection): RejectedChange {
  const entry: RejectedChange = { command: r.command, reason: r.reason, message: r.message, cardTitle: r.cardTitle, at: r.at, shownInline: false };
  if (r.details) entry.details = r.details;
  return entry;
}

/**
 * The "changes not applied" list, newest first, kept on this device until the user dismisses
 * an entry: a change refused while the user was away is still there after a reload.
 */
export class RejectionLog {
  readonly entries = new ValueStore<readonly RejectedChange[]>([]);

  constructor(private readonly store: OutboxStore) {}

  /** Adds the entries kept from earlier visits (behind anything refused since the page opened). */
  restore(records: readonly StoredRejection[]): void {
    if (records.length === 0) return;
    const current = this.entries.get();
    const known = new Set(current.map((r) => r.command.id));
    const restored = records.filter((r) => !known.has(r.command.id)).map(fromRecord).sort((a, b) => b.at - a.at);
    this.entries.set([...current, ...restored].sort((a, b) => b.at - a.at).slice(0, MAX));
  }

  /** Records a refusal; the same command refused again (a replay) replaces its entry. */
  add(entry: RejectedChange): void {
    const id = entry.command.id;
    const list = [entry, ...this.entries.get().filter((r) => r.command.id !== id)];
    for (const dropped of list.slice(MAX)) this.store.deleteRejection(dropped.command.id).catch(warn);
    this.entries.set(list.slice(0, MAX));
    this.store.putRejection(toRecord(entry)).catch(warn);
  }

  dismiss(entry: RejectedChange | 'all'): void {
    if (entry === 'all') {
      this.entries.set([]);
      this.store.clearRejections().catch(warn);
      return;
    }
    const id = entry.command.id;
    this.entries.update((list) => list.filter((r) => r.command.id !== id));
    this.store.deleteRejection(id).catch(warn);
  }
}
