/** Card moves: a Baton `moveCard` command, or a direct Yjs write of the same fields for the other peers. */
import { randomUUID } from 'node:crypto';
import { MOVE_PARTNER, type BenchBoard } from './board';
import type { BenchClient } from './clients/BenchClient';
import type { Mirror } from './clients/mirror';
import { nonceText } from './nonce';
import type { NonceTracker } from './tracker';

/** Where each card is now, as this peer's session moved it (card id -> stage). */
export type CardStages = Map<string, string>;

export const initialStages = (board: BenchBoard): CardStages => new Map(board.cards.map((c) => [c.id, c.stage]));

export class Writer {
  private turn = 0;

  constructor(
    readonly client: BenchClient,
    private readonly cards: string[],
    private readonly stages: CardStages,
    private readonly tracker: NonceTracker,
    /** null: Baton, which takes commands; otherwise the mirror that makes the Yjs update. */
    private readonly mirror: Mirror | null,
  ) {}

  get hasCards(): boolean {
    return this.cards.length > 0;
  }

  /** Moves this writer's next card to its partner stage; returns the nonce. */
  move(): number {
    const cardId = this.cards[this.turn++ % this.cards.length];
    if (!cardId) throw new Error(`writer ${this.client.index} has no card to move`);
    const toStage = MOVE_PARTNER[this.stages.get(cardId) ?? 'lead'] ?? 'lead';
    const nonce = this.tracker.send(this.client.index);
    const text = nonceText(nonce);
    if (this.mirror) {
      const rank = `0|${(0x100000 + (nonce % 0xeffff)).toString(36)}:`;
      const update = this.mirror.move(this.client.clientId, cardId, toStage, rank, text);
      this.tracker.stamp(nonce);
      this.client.sendUpdate(update);
    } else {
      const command = { id: randomUUID(), type: 'moveCard', cardId, toStage, reason: 'Benchmark move', fields: { nextStep: text } };
      this.tracker.stamp(nonce);
      this.client.sendCommand(command, nonce);
    }
    this.stages.set(cardId, toStage);
    return nonce;
  }
}

/** One writer per client in `clients`, each with the cards assigned to it (see assignCards). */
export function makeWriters(
  clients: BenchClient[],
  board: BenchBoard,
  assignment: number[][],
  stages: CardStages,
  tracker: NonceTracker,
  mirror: Mirror | null,
): Writer[] {
  return clients.map((client, j) => {
    const cards = (assignment[j] ?? []).map((i) => {
      const c = board.cards[i];
      if (!c) throw new Error(`no card ${i}`);
      return c.id;
    });
    return new Writer(client, cards, stages, tracker, mirror);
  });
}

/** Every writer moves a card every `periodMs`, at its own random phase. */
export class PeriodicMoves {
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly writers: Writer[],
    private readonly periodMs: number,
  ) {}

  start(): void {
    for (const w of this.writers) {
      if (!w.hasCards) continue;
      const first = setTimeout(() => {
        w.move();
        this.timers.push(setInterval(() => w.move(), this.periodMs));
      }, Math.random() * this.periodMs);
      this.timers.push(first);
    }
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.length = 0;
  }
}
