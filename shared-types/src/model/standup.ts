/** The shared standup: one state on the board document, so every screen shows the same speaker and timer. */
export interface StandupState {
  active: boolean;
  facilitatorId: string;
  startedAt: number;
  /** Owners of stuck deals, in speaking order. */
  speakers: string[];
  index: number;
  /** Server time the current speaker's timer started; screens count down from it with the server's clock. */
  speakerStartedAt: number;
  durationMs: number;
}

export const STANDUP_SECONDS = 90;
export const STANDUP_PROMPTS = ['stuck', 'help', 'today'] as const;
export type StandupPrompt = (typeof STANDUP_PROMPTS)[number];

/** Milliseconds the current speaker has left at server time `now` (never below 0). */
export function speakerRemainingMs(state: Pick<StandupState, 'speakerStartedAt' | 'durationMs'>, now: number): number {
  return Math.max(0, state.durationMs - (now - state.speakerStartedAt));
}

export function readStandup(value: unknown): StandupState | null {
  const v = value as Partial<StandupState> | null | undefined;
  if (!v || typeof v !== 'object' || !Array.isArray(v.speakers) || typeof v.speakerStartedAt !== 'number') return null;
  return { active: !!v.active, facilitatorId: String(v.facilitatorId ?? ''), startedAt: Number(v.startedAt ?? 0), speakers: v.speakers.map(String), index: Number(v.index ?? 0), speakerStartedAt: v.speakerStartedAt, durationMs: Number(v.durationMs ?? STANDUP_SECONDS * 1000) };
}
