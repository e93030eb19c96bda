import type { Command, CommandAnswer, RejectReason } from '@baton/shared-types';
import type { Outbox, PendingCommand } from './outbox';

/** The wire the channel writes to (the board provider's stateless channel). */
export interface CommandTransport {
  /** True only while the connection is open and authenticated. */
  canSend(): boolean;
  send(payload: string): void;
}

export interface CommandRejection {
  command: Command;
  reason: RejectReason;
  message: string;
  details?: Record<string, unknown>;
}

export interface CommandChannelHooks {
  onAck?(pending: PendingCommand, result: Record<string, unknown> | undefined): void;
  onReject?(rejection: CommandRejection, pending: PendingCommand): void;
}

/**
 * Delivers outbox commands: sends them in order while connected and authenticated, never
 * while disconnected (the provider would queue and replay them unauthenticated), and
 * re-sends every unanswered command after each re-authentication. The server is
 * idempotent on command ids, so a re-sent command that was already applied is harmless.
 */
export class CommandChannel {
  private sentOnThisConnection = new Set<string>();

  constructor(
    private readonly outbox: Outbox,
    private readonly transport: CommandTransport,
    private readonly hooks: CommandChannelHooks = {},
  ) {}

  submit(command: Command): void {
    this.outbox.add(command);
    this.flush();
  }

  /** Sends every pending command not yet sent on the current connection, oldest first. */
  flush(): void {
    if (!this.transport.canSend()) return;
    for (const pending of this.outbox.list()) {
      const { id } = pending.command;
      if (this.sentOnThisConnection.has(id)) continue;
      this.sentOnThisConnection.add(id);
      this.transport.send(JSON.stringify(pending.command));
    }
  }

  /** The connection dropped: everything unanswered must be sent again after re-authentication. */
  connectionLost(): void {
    this.sentOnThisConnection = new Set();
  }

  /**
   * Commands whose changes arrived carrying their ids (see ACKS_IN_UPDATES): applied by the
   * server, answered by the change itself. Ids not waiting here (someone else's, or answered
   * already) are ignored.
   */
  seenApplied(ids: Iterable<string>): void {
    for (const id of ids) this.handleAnswer({ type: 'ack', id });
  }

  handleAnswer(answer: CommandAnswer): void {
    if (answer.id === null) {
      if (answer.type === 'reject') console.warn('Baton: the server refused a command it could not identify:', answer.message);
      return;
    }
    const pending = this.outbox.list().find((p) => p.command.id === answer.id);
    this.sentOnThisConnection.delete(answer.id);
    if (!pending) return; // a duplicate answer to a re-sent command
    if (answer.type === 'ack') {
      this.outbox.remove(answer.id);
      this.hooks.onAck?.(pending, answer.result);
    } else {
      const rejection: CommandRejection = { command: pending.command, reason: answer.reason, message: answer.message };
      if (answer.details) rejection.details = answer.details;
      // Recorded as "not applied" before it leaves the outbox: a crash in between replays it (same answer), never loses it.
      this.hooks.onReject?.(rejection, pending);
      this.outbox.remove(answer.id);
    }
  }
}
