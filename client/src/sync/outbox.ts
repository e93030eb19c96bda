import type { Command } from '@baton/shared-types';

export interface PendingCommand {
  command: Command;
  /** When the user made the change (ms since epoch, client clock). */
  queuedAt: number;
}

/**
 * Commands the server has not answered yet, oldest first. Kept behind this small
 * interface so the in-memory version can later be swapped for one persisted in IndexedDB.
 */
export interface Outbox {
  /** Pending commands in submission order; the same array until the outbox changes. */
  list(): readonly PendingCommand[];
  add(command: Command, queuedAt?: number): void;
  /** Removes and returns the command, or undefined when it is not pending (e.g. a duplicate answer). */
  remove(id: string): PendingCommand | undefined;
  subscribe(listener: () => void): () => void;
}

export class MemoryOutbox implements Outbox {
  private items: readonly PendingCommand[] = [];
  private readonly listeners = new Set<() => void>();

  list = (): readonly PendingCommand[] => this.items;

  add(command: Command, queuedAt = Date.now()): void {
    if (this.items.some((p) => p.command.id === command.id)) return;
    this.items = [...this.items, { command, queuedAt }];
    this.emit();
  }

  remove(id: string): PendingCommand | undefined {
    const found = this.items.find((p) => p.command.id === id);
    if (!found) return undefined;
    this.items = this.items.filter((p) => p !== found);
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
