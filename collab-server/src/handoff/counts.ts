import { EVENT_TYPES, ok, type Card, type Result } from '@baton/shared-types';
import type { LightCounts } from '@baton/shared-types/ydoc';
import type { Decision, DecisionContext } from '../commands/context';

const same = (a: LightCounts, b: LightCounts) => a.red === b.red && a.yellow === b.yellow && a.green === b.green && a.unset === b.unset;

/**
 * Puts the pack's traffic-light counts on the card, and stamps product's first complete
 * review of a submission (every requirement coloured) — the end of product's 24 h clock.
 */
export function decideCounts(ctx: DecisionContext, cardId: string, counts: LightCounts): Result<Decision> {
  const card = ctx.getCard(cardId);
  const handoff = card?.handoff;
  if (!card || !handoff) return ok({ effects: [], events: [] });
  const total = counts.red + counts.yellow + counts.green + counts.unset;
  const completes = handoff.submittedAt !== null && handoff.reviewedAt === null && total > 0 && counts.unset === 0;
  if (same(handoff.counts, counts) && !completes) return ok({ effects: [], events: [] });
  const next: NonNullable<Card['handoff']> = { ...handoff, counts, reviewedAt: completes ? ctx.now : handoff.reviewedAt };
  const events: Decision['events'] = [];
  if (completes) {
    events.push({
      cardId,
      type: EVENT_TYPES.packReviewed,
      data: { submission: handoff.submissions, responseMs: ctx.now - (handoff.submittedAt ?? ctx.now), counts },
    });
  }
  return ok({ effects: [{ op: 'setFields', cardId, fields: { handoff: next } }], events });
}
