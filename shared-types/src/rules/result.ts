import type { RejectReason } from '../protocol/reasons';

/** Expected failures are values, not exceptions (exceptions are for bugs). */
export type Result<T, E = Refusal> = { ok: true; value: T } | { ok: false; error: E };

export interface Refusal {
  reason: RejectReason;
  /** A sentence a user can read. */
  message: string;
  /** Structured detail the UI can act on, e.g. the list of missing items of a gate. */
  details?: Record<string, unknown>;
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const refuse = (reason: RejectReason, message: string, details?: Record<string, unknown>): Result<never> => ({
  ok: false,
  error: details ? { reason, message, details } : { reason, message },
});
