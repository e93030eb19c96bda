import type { Card } from '../model/card';

/** Per-board thresholds (ops/admin change them); the defaults come from the field. */
export interface SlaConfig {
  /** A card in Quote with no update for this long alerts its owner, the owner's manager and ops. */
  quoteStaleHours: number;
  /** A submitted pack without product's review after this long alerts product and the owner. */
  reviewHours: number;
  /** A reviewed pack without delivery's first plan after this long alerts delivery and the owner. */
  planHours: number;
  /** No stage progress for this many days makes a card "stuck". */
  stuckDays: number;
  /** "Due soon" starts this share of the threshold before it (0.25 = the last quarter). */
  dueSoonShare: number;
}

export const DEFAULT_SLA: Readonly<SlaConfig> = Object.freeze({ quoteStaleHours: 72, reviewHours: 24, planHours: 48, stuckDays: 2, dueSoonShare: 0.25 });

export const SLA_RULES = ['quoteStale', 'reviewLate', 'planLate', 'stuck'] as const;
export type SlaRule = (typeof SLA_RULES)[number];

/** Who an alert goes to, by rule (resolved to people on the server). */
export const SLA_RECIPIENTS: Readonly<Record<SlaRule, ReadonlyArray<'owner' | 'ownerManager' | 'ops' | 'product' | 'delivery'>>> = {
  quoteStale: ['owner', 'ownerManager', 'ops'],
  reviewLate: ['product', 'owner'],
  planLate: ['delivery', 'owner'],
  stuck: ['owner'],
};

const HOUR = 3_600_000;

export interface SlaClock {
  rule: SlaRule;
  /** When the clock started (its episode: a new start re-arms the alert). */
  since: number;
  dueAt: number;
}

export type SlaCard = Pick<Card, 'id' | 'stage' | 'archived' | 'lastActivityAt' | 'stageEnteredAt' | 'handoff'>;

/** The clocks running on a card right now (at most one per rule). */
export function slaClocks(card: SlaCard, config: SlaConfig): SlaClock[] {
  if (card.archived || card.stage === 'signed') return [];
  const clocks: SlaClock[] = [];
  if (card.stage === 'quote') clocks.push({ rule: 'quoteStale', since: card.lastActivityAt, dueAt: card.lastActivityAt + config.quoteStaleHours * HOUR });
  const h = card.handoff;
  if (h?.submittedAt != null && h.reviewedAt === null) clocks.push({ rule: 'reviewLate', since: h.submittedAt, dueAt: h.submittedAt + config.reviewHours * HOUR });
  if (h?.reviewedAt != null && h.planPostedAt === null) clocks.push({ rule: 'planLate', since: h.reviewedAt, dueAt: h.reviewedAt + config.planHours * HOUR });
  clocks.push({ rule: 'stuck', since: card.stageEnteredAt, dueAt: card.stageEnteredAt + config.stuckDays * 24 * HOUR });
  return clocks;
}

/** A clock's alert fires once per episode: the key names the rule, the card and when the clock started. */
export const alertKey = (cardId: string, clock: Pick<SlaClock, 'rule' | 'since'>) => `${clock.rule}:${cardId}:${clock.since}`;

export type SlaState = 'ok' | 'dueSoon' | 'breached';

export interface CardHealth {
  state: SlaState;
  /** The clock closest to (or furthest past) its deadline. */
  worst: SlaClock | null;
  stuck: boolean;
  daysInStage: number;
}

/** What a card shows: ok / due soon / breached, whether it is stuck, and days in stage. */
export function cardHealth(card: SlaCard, config: SlaConfig, now: number): CardHealth {
  const clocks = slaClocks(card, config);
  let state: SlaState = 'ok';
  let worst: SlaClock | null = null;
  for (const c of clocks) {
    if (c.rule === 'stuck') continue;
    const span = c.dueAt - c.since;
    const s: SlaState = now >= c.dueAt ? 'breached' : now >= c.dueAt - span * config.dueSoonShare ? 'dueSoon' : 'ok';
    if (!worst || c.dueAt - now < worst.dueAt - now) worst = c;
    if (s === 'breached' || (s === 'dueSoon' && state === 'ok')) state = s;
  }
  const stuckClock = clocks.find((c) => c.rule === 'stuck');
  return { state, worst, stuck: !!stuckClock && now >= stuckClock.dueAt, daysInStage: Math.max(0, (now - card.stageEnteredAt) / (24 * HOUR)) };
}

/** Reads a board's SLA settings, filling in defaults for anything missing or malformed. */
export function normalizeSla(value: unknown): SlaConfig {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const pick = (k: keyof SlaConfig) => (typeof v[k] === 'number' && Number.isFinite(v[k]) && (v[k] as number) > 0 ? (v[k] as number) : DEFAULT_SLA[k]);
  return { quoteStaleHours: pick('quoteStaleHours'), reviewHours: pick('reviewHours'), planHours: pick('planHours'), stuckDays: pick('stuckDays'), dueSoonShare: pick('dueSoonShare') };
}
