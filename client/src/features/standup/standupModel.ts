import { canActOnCard, cardHealth, type Card, type Role, type SlaConfig, type StandupState, type UserId } from '@baton/shared-types';

export interface StandupActor {
  userId: string;
  role: Role;
}

/** Live stuck deals per owner, the longest-stuck first (what each speaker talks through). */
export function stuckByOwner(cards: Iterable<Card>, sla: SlaConfig, now: number): Map<string, Card[]> {
  const out = new Map<string, Card[]>();
  for (const card of cards) {
    if (card.archived || !cardHealth(card, sla, now).stuck) continue;
    const list = out.get(card.ownerId);
    if (list) list.push(card);
    else out.set(card.ownerId, [card]);
  }
  for (const list of out.values()) list.sort((a, b) => a.stageEnteredAt - b.stageEnteredAt || a.title.localeCompare(b.title));
  return out;
}

/** "1:30", "0:09", "0:00": whole seconds rounded up, so the display reaches 0:00 exactly when time is up. */
export function formatCountdown(ms: number): string {
  const seconds = Math.ceil(Math.max(0, ms) / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Managers and admins start a standup (the server's rule). */
export const mayStartStandup = (role: Role | null) => role === 'manager' || role === 'admin';

/** The facilitator, or any manager or admin, moves the standup on (the server's rule). */
export function mayStepStandup(state: Pick<StandupState, 'facilitatorId'>, actor: StandupActor | null): boolean {
  if (!actor) return false;
  return state.facilitatorId === actor.userId || mayStartStandup(actor.role);
}

/** Notes on a deal: whoever may edit the card, and the facilitator of a running standup. */
export function mayWriteNotes(state: Pick<StandupState, 'active' | 'facilitatorId'> | null, actor: StandupActor | null, card: Pick<Card, 'ownerId'>): boolean {
  if (!actor) return false;
  if (state?.active && state.facilitatorId === actor.userId) return true;
  return canActOnCard({ userId: actor.userId as UserId, role: actor.role }, 'edit', card).ok;
}

export type SpeakerStatus = 'done' | 'speaking' | 'waiting';

export const speakerStatus = (position: number, current: number): SpeakerStatus => (position < current ? 'done' : position === current ? 'speaking' : 'waiting');
