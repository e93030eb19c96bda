import type { Command } from '@baton/shared-types';
import type { Outbox, PendingCommand } from './outbox';
import type { OutboxStore, StoredCommand } from './outboxStore';

const warn = (error: unknown) => console.warn('Baton: could not save the outbox on this device:', error);

/**
 * The outbox, kept in memory for the page and written through to a store (IndexedDB) so that
 * changes made offline survive a reload or a closed tab. Commands keep their ids and order:
 * the ones restored from an earlier visit come first, then new ones.
 */
export class PersistentOutbox implements Outbox {
  private items: readonly PendingCommand[] = [];
  private readonly seqs = new Map<string, number>();
  private nextSeq = 1;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly store: OutboxStore) {}

  /** Puts commands kept from earlier visits in front of anything queued since (normally nothing). */
  restore(records: readonly StoredCommand[]): void {
    const known = new Set(this.items.map((p) => p.command.id));
    const restored: PendingCommand[] = [];
    for (const record of [...records].sort((a, b) => a.seq - b.seq)) {
      if (known.has(record.command.id)) continue;
      known.add(record.command.id);
      this.seqs.set(record.command.id, record.seq);
      this.nextSeq = Math.max(this.nextSeq, record.seq + 1);
      restored.push({ command: record.command, queuedAt: record.queuedAt });
    }
    if (restored.length === 0) return;
    // Anything queued before the restore gets a number after the restored ones.
    for (const p of this.items) {
      const seq = this.nextSeq++;
      this.seqs.set(p.command.id, seq);
      this.store.putCommand({ command: p.command, queuedAt: p.queuedAt, seq }).catch(warn);
    }
    this.items = [...restored, ...this.items];
    this.emit();
  }

  list = (): readonly PendingCommand[] => this.items;

  add(command: Command, queuedAt = Date.now()): void {
    if (this.seqs.has(command.id)) return;
    const seq = this.nextSeq++;
    this.seqs.set(command.id, seq);
    this.items = [...this.items, { command, queuedAt }];
    this.store.putCommand({ command, queuedAt, seq }).catch(warn);
    this.emit();
  }

  remove(id: string): PendingCommand | undefined {
    const found = this.items.find((p) => p.command.id === id);
    if (!found) return undefined;
    this.seqs.delete(id);
    this.items = this.items.filter((p) => p !== found);
    this.store.deleteCommand(id).catch(warn);
    this.emit();
    return found;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  private emit(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
