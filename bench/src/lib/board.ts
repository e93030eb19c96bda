/**
 * The benchmark board: N deals owned by U sales reps, spread over the default stages, with
 * every field filled that the gates between the stages the workload uses ask for. The same
 * cards (same ids, same field values) go to every peer: Baton creates them through its
 * command path; the other peers get a Y.Doc of Baton's layout built from them here.
 */
import { CARD_DEFAULTS, DEFAULT_STAGES, spreadRanks, type Card } from '@baton/shared-types';
import { applyEffects } from '@baton/shared-types/ydoc';
import * as Y from 'yjs';

export const BOARD_ID = 'bench';
export const DOC_NAME = `board:${BOARD_ID}`;
export const PASSWORD = 'bench-password';
export const ADMIN = 'benchadmin';

/** Share of the board in each stage, in stage order. */
const STAGE_SHARES = [0.3, 0.2, 0.15, 0.15, 0.1, 0.1];

/**
 * Where a move sends a card from each stage: pairs whose gates the seeded fields satisfy
 * (forward into needs_confirmed needs contact + need summary, into negotiation a decision
 * maker; backward moves carry a reason). Solution demo needs attachments, so its cards stay put.
 */
export const MOVE_PARTNER: Readonly<Record<string, string>> = {
  lead: 'needs_confirmed',
  needs_confirmed: 'lead',
  quote: 'negotiation',
  negotiation: 'quote',
  signed: 'negotiation',
};

export const userName = (i: number) => `rep${String(i + 1).padStart(3, '0')}`;

/** Small deterministic PRNG (mulberry32), so every run builds the same board. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuid(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const INDUSTRIES = ['Manufacturing', 'Retail', 'Logistics', 'Healthcare', 'Education', 'Finance', 'Energy'];
const CHANNELS = ['website', 'trade_show', 'phone', 'referral', 'other'] as const;

export interface BenchBoard {
  cards: Card[];
  users: string[];
}

/** Stage of the i-th card: contiguous blocks by STAGE_SHARES, interleaved by index so owners mix. */
function stageFor(i: number): string {
  const r = ((i * 7919) % 1000) / 1000;
  let acc = 0;
  for (let s = 0; s < STAGE_SHARES.length; s++) {
    acc += STAGE_SHARES[s] as number;
    if (r < acc) return (DEFAULT_STAGES[s] as { id: string }).id;
  }
  return 'signed';
}

export function generateBoard(cardCount: number, userCount: number): BenchBoard {
  const rand = prng(cardCount * 1_000_003 + userCount);
  const users = Array.from({ length: userCount }, (_, i) => userName(i));
  const t0 = Date.UTC(2026, 0, 5);
  const cards: Card[] = [];
  for (let i = 0; i < cardCount; i++) {
    const at = t0 + Math.floor(rand() * 90) * 86_400_000;
    cards.push({
      ...CARD_DEFAULTS,
      id: uuid(rand),
      title: `Deal ${i + 1}: ${INDUSTRIES[i % INDUSTRIES.length]} rollout`,
      customer: `Customer ${(i * 37) % 997} Ltd.`,
      contactName: `Contact ${i % 211}`,
      needSummary: 'Phone QR-code login for 300 floor staff; SSO with the existing directory; monthly usage report.',
      decisionMaker: `CIO ${i % 53}`,
      ownerId: users[i % userCount],
      channel: CHANNELS[i % CHANNELS.length],
      region: ['north', 'south', 'east', 'west'][i % 4],
      industry: INDUSTRIES[i % INDUSTRIES.length],
      dealType: i % 3 === 0 ? 'renewal' : 'new',
      amount: 10_000 + Math.floor(rand() * 490_000),
      nextStep: 'Follow up with the customer',
      stage: stageFor(i),
      rank: '',
      createdAt: at,
      updatedAt: at,
      lastActivityAt: at,
      stageEnteredAt: at,
    } as Card);
  }
  // Ranks per column, in card order.
  for (const stage of DEFAULT_STAGES) {
    const column = cards.filter((c) => c.stage === stage.id);
    const ranks = spreadRanks(column.length);
    column.forEach((c, k) => (c.rank = ranks[k] as string));
  }
  return { cards, users };
}

/** The board as a Y.Doc in Baton's layout (one transaction per card, like Baton's createCard). */
export function buildBoardUpdate(board: BenchBoard): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 1;
  applyEffects(doc, [{ op: 'setStages', stages: [...DEFAULT_STAGES] }, { op: 'setMeta', fields: { boardId: BOARD_ID, name: 'Bench board', epoch: 'bench' } }], 0);
  board.cards.forEach((card, i) => applyEffects(doc, [{ op: 'putCard', card }], i + 1));
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/**
 * Which cards each writer moves: cards its user owns (reps may move only their own deals),
 * split among the writers that log in as the same user so no two writers touch one card.
 * Writer j logs in as user j % U.
 */
export function assignCards(board: BenchBoard, writers: number): number[][] {
  const u = board.users.length;
  const sharing = Math.ceil(writers / u);
  const out: number[][] = Array.from({ length: writers }, () => []);
  const movable = board.cards.map((c, i) => ({ c, i })).filter(({ c }) => c.stage in MOVE_PARTNER);
  const perUser = new Map<number, number[]>();
  for (const { i } of movable) {
    const list = perUser.get(i % u) ?? [];
    list.push(i);
    perUser.set(i % u, list);
  }
  for (let j = 0; j < writers; j++) {
    const list = perUser.get(j % u) ?? [];
    const slot = Math.floor(j / u);
    out[j] = list.filter((_, k) => k % sharing === slot);
  }
  return out;
}
