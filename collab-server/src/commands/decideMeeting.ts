import {
  canActOnCard,
  canDoOnBoard,
  cardHealth,
  EVENT_TYPES,
  ok,
  refuse,
  STANDUP_SECONDS,
  type Card,
  type Command,
  type Result,
  type StandupState,
} from '@baton/shared-types';
import { existingCard, type Decision, type DecisionContext } from './context';

type MeetingCommand = Extract<Command, { type: 'updateSla' | 'startStandup' | 'standupStep' | 'standupNote' }>;

const leads = (role: string) => role === 'manager' || role === 'admin';

function setStandup(state: StandupState, type: string, data: Record<string, unknown>): Result<Decision> {
  return ok({ effects: [{ op: 'setSetting', key: 'standup', value: state }], events: [{ cardId: null, type, data }], result: { standup: state } });
}

/** SLA settings, the shared standup, and the notes taken at it. */
export function decideMeeting(cmd: MeetingCommand, ctx: DecisionContext): Result<Decision> {
  switch (cmd.type) {
    case 'updateSla': {
      const allowed = canDoOnBoard(ctx.actor, 'configureStages');
      if (!allowed.ok) return refuse('forbidden', `The ${ctx.actor.role} role cannot change SLA thresholds`);
      const sla = { ...ctx.sla, ...cmd.changes };
      return ok({ effects: [{ op: 'setSetting', key: 'sla', value: sla }], events: [{ cardId: null, type: EVENT_TYPES.slaUpdated, data: { before: ctx.sla, after: sla } }] });
    }
    case 'startStandup': {
      if (!leads(ctx.actor.role)) return refuse('forbidden', 'Only a manager runs the standup');
      const stuck = ctx.allCards().filter((c) => !c.archived && cardHealth(c, ctx.sla, ctx.now).stuck);
      const owners = [...new Set(stuck.map((c) => c.ownerId as string))].sort((a, b) =>
        (ctx.members.get(a)?.displayName ?? a).localeCompare(ctx.members.get(b)?.displayName ?? b),
      );
      if (owners.length === 0) return refuse('conflict', 'No deal is stuck right now, so there is nothing to stand up about');
      const durationMs = (cmd.durationSeconds ?? STANDUP_SECONDS) * 1000;
      return setStandup(
        { active: true, facilitatorId: ctx.actor.userId, startedAt: ctx.now, speakers: owners, index: 0, speakerStartedAt: ctx.now, durationMs },
        EVENT_TYPES.standupStarted,
        { speakers: owners, stuckCards: stuck.length },
      );
    }
    case 'standupStep': {
      const current = ctx.standup;
      if (!current?.active) return refuse('conflict', 'No standup is running');
      if (current.facilitatorId !== ctx.actor.userId && !leads(ctx.actor.role)) return refuse('forbidden', 'Only the facilitator moves the standup on');
      const next: StandupState = { ...current, speakerStartedAt: ctx.now };
      if (cmd.step === 'next') {
        if (current.index >= current.speakers.length - 1) return refuse('conflict', 'That was the last speaker; end the standup instead');
        next.index = current.index + 1;
      } else if (cmd.step === 'previous') {
        if (current.index === 0) return refuse('conflict', 'This is the first speaker');
        next.index = current.index - 1;
      } else if (cmd.step === 'end') {
        next.active = false;
      }
      return setStandup(next, EVENT_TYPES.standupStep, { step: cmd.step, speaker: next.speakers[next.index] ?? null });
    }
    case 'standupNote': {
      const found = existingCard(ctx, cmd.cardId);
      if (!found.ok) return found;
      const card = found.value;
      const facilitating = ctx.standup?.active && ctx.standup.facilitatorId === ctx.actor.userId;
      if (!facilitating) {
        const allowed = canActOnCard(ctx.actor, 'edit', card);
        if (!allowed.ok) return allowed;
      }
      const notes: NonNullable<Card['standupNotes']> = { stuck: '', help: '', today: '', ...card.standupNotes, [cmd.prompt]: cmd.text, updatedAt: ctx.now, by: ctx.actor.userId };
      return ok({
        effects: [{ op: 'setFields', cardId: card.id, fields: { standupNotes: notes, updatedAt: ctx.now } }],
        events: [{ cardId: card.id, type: EVENT_TYPES.standupNote, data: { prompt: cmd.prompt, text: cmd.text } }],
      });
    }
  }
}
