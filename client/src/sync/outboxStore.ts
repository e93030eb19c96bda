import type { Command, RejectReason } from '@baton/shared-types';

/** One unanswered command as it is kept on this device. `seq` orders them (oldest first). */
export interface StoredCommand {
  command: Command;
  queuedAt: number;
  seq: number;
}

/** One change the server (or the client's own rules) refused, kept until the user dismisses it. */
export interface StoredRejection {
  command: Command;
  reason: RejectReason;
  message: string;
  details?: Record<string, unknown> | undefined;
  /** The card's title when the change was refused. */
  cardTitle: string;
  at: number;
}

export interface StoredOutbox {
  pending: StoredCommand[];
  rejected: StoredRejection[];
}

/**
 * Where one user's outbox for one board lives between page loads. Writes are applied in the
 * order they are called; callers never wait for them (the in-memory copy is the truth while
 * the page is open), so a failing write only costs durability, never correctness.
 */
export interface OutboxStore {
  load(): Promise<StoredOutbox>;
  putCommand(record: StoredCommand): Promise<void>;
  deleteCommand(id: string): Promise<void>;
  putRejection(record: StoredRejection): Promise<void>;
  deleteRejection(id: string): Promise<void>;
  clearRejections(): Promise<void>;
  close(): void;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * A Map-backed store: for tests, and for browsers without IndexedDB (the outbox then lasts as
 * long as the tab). Values are copied in and out, like a real database would.
 */
export class MemoryOutboxStore implements OutboxStore {
  readonly commands = new Map<string, StoredCommand>();
  readonly rejections = new Map<string, StoredRejection>();

  load(): Promise<StoredOutbox> {
    return Promise.resolve({
      pending: [...this.commands.values()].map(clone).sort((a, b) => a.seq - b.seq),
      rejected: [...this.rejections.values()].map(clone).sort((a, b) => a.at - b.at),
    });
  }

  putCommand(record: StoredCommand): Promise<void> {
    this.commands.set(record.command.id, clone(record));
    return Promise.resolve();
  }

  deleteCommand(id: string): Promise<void> {
    this.commands.delete(id);
    return Promise.resolve();
  }

  putRejection(record: StoredRejection): Promise<void> {
    this.rejections.set(record.command.id, clone(record));
    return Promise.resolve();
  }

  deleteRejection(id: string): Promise<void> {
    this.rejections.delete(id);
    return Promise.resolve();
  }

  clearRejections(): Promise<void> {
    this.rejections.clear();
    return Promise.resolve();
  }

  close(): void {}
}
