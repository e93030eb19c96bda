import type { Card } from '@baton/shared-types';

export type Handoff = NonNullable<Card['handoff']>;
export type StepKey = 'created' | 'submitted' | 'reviewed' | 'planPosted';

export interface HandoffStep {
  key: StepKey;
  /** When it happened; null while it has not. */
  at: number | null;
  /** How long after the step before it (product's and delivery's response times). */
  afterMs: number | null;
  /** The step the handoff waits for now (the first one not done yet). */
  current: boolean;
  /** Submissions or plan versions so far. */
  count: number;
}

/**
 * The handoff as four steps: pack created, submitted for review, rated by product (every
 * requirement coloured), plan posted by delivery. A resubmission starts product's step again.
 */
export function handoffSteps(h: Handoff): HandoffStep[] {
  const steps: Array<Omit<HandoffStep, 'current'>> = [
    { key: 'created', at: h.createdAt, afterMs: null, count: 0 },
    { key: 'submitted', at: h.submittedAt, afterMs: null, count: h.submissions },
    { key: 'reviewed', at: h.reviewedAt, afterMs: h.reviewedAt !== null && h.submittedAt !== null ? h.reviewedAt - h.submittedAt : null, count: 0 },
    { key: 'planPosted', at: h.planPostedAt, afterMs: h.planPostedAt !== null && h.reviewedAt !== null && h.planPostedAt >= h.reviewedAt ? h.planPostedAt - h.reviewedAt : null, count: h.planVersions },
  ];
  const firstOpen = steps.findIndex((s) => s.at === null);
  return steps.map((s, i) => ({ ...s, current: i === firstOpen }));
}

/** The furthest step reached (for a one-line status on the card drawer). */
export function latestStep(h: Handoff): HandoffStep {
  const steps = handoffSteps(h);
  return [...steps].reverse().find((s) => s.at !== null) ?? (steps[0] as HandoffStep);
}
