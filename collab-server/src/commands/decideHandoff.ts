import { canActOnCard, docRight, EVENT_TYPES, ok, PACK_STAGE_ID, refuse, stageIndex, type Card, type Command, type Result } from '@baton/shared-types';
import { TEMPLATE_REQUIREMENTS } from '@baton/shared-types/ydoc';
import { existingCard, type Decision, type DecisionContext } from './context';

type HandoffCommand = Extract<Command, { type: 'createPack' | 'submitPack' | 'postPlan' }>;
type Handoff = NonNullable<Card['handoff']>;

export const PACK_STAGE: string = PACK_STAGE_ID;

export const newHandoff = (now: number): Handoff => ({
  createdAt: now,
  submittedAt: null,
  submissions: 0,
  reviewedAt: null,
  planPostedAt: null,
  planVersions: 0,
  // The template's requirements, unrated (the template is written when the pack is first opened).
  counts: { red: 0, yellow: 0, green: 0, unset: TEMPLATE_REQUIREMENTS },
});

/** The effect and event of creating a card's handoff pack (templates are written when the documents load; see fillLoadedTemplates). */
export function createHandoff(card: Card, now: number): Decision {
  return {
    effects: [{ op: 'setFields', cardId: card.id, fields: { handoff: newHandoff(now), updatedAt: now, lastActivityAt: now } }],
    events: [{ cardId: card.id, type: EVENT_TYPES.packCreated, data: { stage: card.stage } }],
    followUps: [{ kind: 'handoffTemplates', cardId: card.id }],
  };
}

const setHandoff = (card: Card, handoff: Handoff, now: number) => ({
  op: 'setFields' as const,
  cardId: card.id,
  fields: { handoff, updatedAt: now, lastActivityAt: now },
});

/** Handoff commands: create the pack, submit it for review, post a delivery plan version. */
export function decideHandoff(cmd: HandoffCommand, ctx: DecisionContext): Result<Decision> {
  const found = existingCard(ctx, cmd.cardId);
  if (!found.ok) return found;
  const card = found.value;
  if (card.archived) return refuse('conflict', 'This card is archived; restore it first');

  switch (cmd.type) {
    case 'createPack': {
      const allowed = canActOnCard(ctx.actor, 'edit', card);
      if (!allowed.ok) return allowed;
      if (card.handoff) return ok({ effects: [], events: [], result: { created: false } });
      const packAt = stageIndex(ctx.stages, PACK_STAGE);
      if (packAt >= 0 && stageIndex(ctx.stages, card.stage) < packAt) {
        return refuse('conflict', 'A handoff pack is created once the deal reaches Negotiation', { code: 'pack_too_early' });
      }
      return ok({ ...createHandoff(card, ctx.now), result: { created: true } });
    }
    case 'submitPack': {
      const allowed = canActOnCard(ctx.actor, 'edit', card);
      if (!allowed.ok) return allowed;
      if (!card.handoff) return refuse('conflict', 'Create the handoff pack first', { code: 'pack_missing' });
      const requirements = ctx.handoffDocs.requirements ?? 0;
      if (requirements === 0) return refuse('conflict', 'Add at least one requirement to the pack before submitting it', { code: 'no_requirements' });
      const submission = card.handoff.submissions + 1;
      return ok({
        effects: [setHandoff(card, { ...card.handoff, submittedAt: ctx.now, submissions: submission, reviewedAt: null }, ctx.now)],
        events: [{ cardId: card.id, type: EVENT_TYPES.packSubmitted, data: { submission, requirements } }],
        result: { submission },
      });
    }
    case 'postPlan': {
      if (docRight('plan', ctx.actor.role, false) !== 'write') return refuse('forbidden', 'Only delivery posts implementation plans');
      if (!card.handoff) return refuse('conflict', 'This deal has no handoff pack yet', { code: 'pack_missing' });
      const missing = ctx.handoffDocs.planMissing ?? ['modules', 'dependencies', 'schedule'];
      if (missing.length > 0) {
        return refuse('conflict', `A plan needs its ${missing.join(', ')} filled in (an acknowledgement is not a plan)`, { code: 'plan_incomplete', missingSections: missing });
      }
      const version = card.handoff.planVersions + 1;
      const first = card.handoff.planPostedAt === null;
      const data: Record<string, unknown> = { version, first };
      if (first && card.handoff.reviewedAt !== null) data.responseMs = ctx.now - card.handoff.reviewedAt;
      return ok({
        effects: [setHandoff(card, { ...card.handoff, planVersions: version, planPostedAt: card.handoff.planPostedAt ?? ctx.now }, ctx.now)],
        events: [{ cardId: card.id, type: EVENT_TYPES.planPosted, data }],
        result: { version },
      });
    }
  }
}
