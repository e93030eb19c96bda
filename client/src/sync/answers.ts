import type { RejectReason } from '@baton/shared-types';

/** How the server answered one command. */
export type CommandOutcome =
  | { type: 'ack'; result?: Record<string, unknown> | undefined }
  | { type: 'reject'; reason: RejectReason; message: string; details?: Record<string, unknown> | undefined };

/**
 * Someone on screen waiting for the answer to a command (a dialog, the stage editor).
 * The handler returns true when it shows a rejection itself, so no toast repeats it.
 */
export type OutcomeHandler = (outcome: CommandOutcome) => boolean | void;

export class AnswerWaiters {
  private readonly handlers = new Map<string, OutcomeHandler>();

  /** Waits for the answer to command `id`; returns a function that stops waiting. */
  wait(id: string, handler: OutcomeHandler): () => void {
    this.handlers.set(id, handler);
    return () => {
      if (this.handlers.get(id) === handler) this.handlers.delete(id);
    };
  }

  /** Delivers an answer; true when a waiter showed it to the user. */
  deliver(id: string, outcome: CommandOutcome): boolean {
    const handler = this.handlers.get(id);
    if (!handler) return false;
    this.handlers.delete(id);
    return handler(outcome) === true;
  }
}
