import { z } from 'zod';
import { STANDUP_PROMPTS } from '../model/standup';

const commandId = z.uuid({ message: 'Command id must be a UUID' });
const cardId = z.uuid({ message: 'Card id must be a UUID' });
const hours = z.number().positive().max(24 * 365);

/** Ops/admin change a board's SLA thresholds. */
export const updateSlaSchema = z
  .object({
    id: commandId,
    type: z.literal('updateSla'),
    changes: z
      .object({ quoteStaleHours: hours, reviewHours: hours, planHours: hours, stuckDays: z.number().positive().max(365), dueSoonShare: z.number().gt(0).lt(1) })
      .partial()
      .strict(),
  })
  .strict();

/** A manager starts the standup on the stuck deals (the server picks the speakers). */
export const startStandupSchema = z.object({ id: commandId, type: z.literal('startStandup'), durationSeconds: z.number().int().min(15).max(600).optional() }).strict();
/** The facilitator moves to the next or previous speaker (their 90 s start again), restarts the timer, or ends the meeting. */
export const standupStepSchema = z.object({ id: commandId, type: z.literal('standupStep'), step: z.enum(['next', 'previous', 'restart', 'end']) }).strict();
/** What was said about a stuck deal, under one of the three prompts. */
export const standupNoteSchema = z
  .object({ id: commandId, type: z.literal('standupNote'), cardId, prompt: z.enum(STANDUP_PROMPTS), text: z.string().trim().max(2000) })
  .strict();
