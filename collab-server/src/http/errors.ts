import type { Refusal, RejectReason } from '@baton/shared-types';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const STATUS_FOR: Record<RejectReason, ContentfulStatusCode> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gate_failed: 409,
  too_large: 413,
  internal: 500,
};

/** `{"error": {"reason", "message", "details"?}}` with the status that fits the reason. */
export function errorResponse(c: Context, refusal: Refusal) {
  return c.json({ error: refusal }, STATUS_FOR[refusal.reason]);
}

export const fail = (c: Context, reason: RejectReason, message: string) => errorResponse(c, { reason, message });
