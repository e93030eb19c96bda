/**
 * A Jepsen-style set workload for Baton. Clients add unique values two ways — a `createCard`
 * command whose title is the value, and a paragraph typed into a card's handoff pack — while
 * server processes are killed with SIGKILL. The history records what the server acknowledged;
 * every read (after each restart, at the end, and straight from the store) must contain every
 * acknowledged value, no command may take effect twice, and no refused command may take effect.
 * Commands left unanswered by a kill are sent again, with the same id, after the restart (what
 * the browser's outbox does); their answer counts like any other.
 */
import type { CommandAnswer } from '@baton/shared-types';
import { packContent, readCards } from '@baton/shared-types/ydoc';
import { randomBytes, randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import type { Session } from './session';

export interface Rng {
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: small, seedable, good enough to pick delays and victims reproducibly. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface CommandOp {
  /** Who sends it: a re-send must come from the same user (an id reused by someone else is refused). */
  user: string;
  /** The value: a new card's title, or the `nextStep` an update writes on a card of this run (once per card). */
  title: string;
  command:
    | { id: string; type: 'createCard'; card: { title: string; customer: string } }
    | { id: string; type: 'updateCard'; cardId: string; fields: { nextStep: string } };
  state: 'queued' | 'sent' | 'acked' | 'rejected';
  answer: CommandAnswer | null;
  sends: number;
}

/** What one read observed: how often each value of this run occurs. */
export interface Observation {
  titles: Map<string, number>;
  tokens: Map<string, number>;
  /** The `nextStep` of each card of this run, by card id. */
  nextSteps: Map<string, string>;
}

export interface ReadResult {
  missing: string[];
  duplicated: string[];
  rejectedPresent: string[];
}

export class SetWorkload {
  readonly tag = randomBytes(3).toString('hex');
  readonly customer = `Crash ${this.tag}`;
  private readonly ops = new Map<string, CommandOp>();
  /** Unanswered commands, per user, to send again after a restart. */
  private readonly retry = new Map<string, CommandOp[]>();
  private readonly texts = new Map<string, 'sent' | 'acked' | 'unconfirmed'>();
  /** Cards each user created (acknowledged) and has not updated yet: each gets at most one update, by its creator. */
  private readonly updatable = new Map<string, string[]>();
  private counter = 0;
  /** Every value an acknowledged-value read found missing or doubled, over the whole run. */
  readonly violations = { lost: new Set<string>(), duplicated: new Set<string>(), rejectedPresent: new Set<string>() };
  reads = 0;
  /** Acknowledgements so far (commands and text edits), and who waits for a number of them. */
  private acks = 0;
  private readonly ackWaiters = new Set<{ at: number; resolve: () => void }>();
  /** Command round trips in ms (-1: unanswered), kept with CRASH_DEBUG=1. */
  readonly latencies: number[] = [];
  private readonly debug = process.env.CRASH_DEBUG === '1';

  private nextCommand(user: string, rng: Rng): CommandOp {
    const again = this.retry.get(user)?.shift();
    if (again) return again;
    // Now and then an update of a recently created card: it must show on that very card (a
    // repair that re-created the card as another object would hide it).
    const mine = this.updatable.get(user) ?? [];
    const cardId = mine.length > 0 && rng.next() < 0.4 ? mine.splice(rng.int(0, mine.length - 1), 1)[0]! : null;
    const title = `${cardId ? 'u' : 'c'}-${this.tag}-${++this.counter}`;
    const op: CommandOp = {
      user,
      title,
      command: cardId
        ? { id: randomUUID(), type: 'updateCard', cardId, fields: { nextStep: title } }
        : { id: randomUUID(), type: 'createCard', card: { title, customer: this.customer } },
      state: 'queued',
      answer: null,
      sends: 0,
    };
    this.ops.set(title, op);
    return op;
  }

  private async runCommand(session: Session, op: CommandOp): Promise<void> {
    op.state = 'sent';
    op.sends++;
    const started = Date.now();
    const answer = await session.send(op.command);
    if (this.debug) this.latencies.push(answer ? Date.now() - started : -1);
    if (!answer) {
      // No answer before the connection ended: indeterminate. Sent again after the restart.
      op.state = 'queued';
      this.retry.set(op.user, [...(this.retry.get(op.user) ?? []), op]);
      return;
    }
    if (op.answer && JSON.stringify(op.answer) !== JSON.stringify(answer)) {
      throw new Error(`command ${op.command.id} was answered twice, differently: ${JSON.stringify(op.answer)} then ${JSON.stringify(answer)}`);
    }
    op.answer = answer;
    op.state = answer.type === 'ack' ? 'acked' : 'rejected';
    if (op.state !== 'acked') return;
    this.noteAck();
    const created = answer.type === 'ack' && op.command.type === 'createCard' ? answer.result?.cardId : undefined;
    if (typeof created === 'string') this.updatable.set(op.user, [...(this.updatable.get(op.user) ?? []), created]);
  }

  private noteAck(): void {
    this.acks++;
    for (const w of this.ackWaiters) {
      if (this.acks >= w.at) {
        this.ackWaiters.delete(w);
        w.resolve();
      }
    }
  }

  /** Resolves once `n` more values are acknowledged, or after `timeoutMs` (the writers may be stuck behind a dead process). */
  moreAcks(n: number, timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const waiter = { at: this.acks + n, resolve };
      const timer = setTimeout(() => {
        this.ackWaiters.delete(waiter);
        resolve();
      }, timeoutMs);
      waiter.resolve = () => {
        clearTimeout(timer);
        resolve();
      };
      this.ackWaiters.add(waiter);
    });
  }

  /** Runs command writers and a text writer on `session` until it ends or `stopped()`. */
  async drive(session: Session, rng: Rng, stopped: () => boolean): Promise<void> {
    // Up to three commands in flight per session, so a kill usually leaves some unanswered.
    const commands = async () => {
      while (session.alive && !stopped()) {
        await this.runCommand(session, this.nextCommand(session.user, rng));
        await sleep(rng.int(0, 20));
      }
    };
    const texts = async () => {
      while (session.alive && !stopped()) {
        const token = `t-${this.tag}-${++this.counter}`;
        this.texts.set(token, 'sent');
        const confirmed = await session.write(token);
        this.texts.set(token, confirmed ? 'acked' : 'unconfirmed');
        if (confirmed) this.noteAck();
        await sleep(rng.int(5, 40));
      }
    };
    await Promise.all([commands(), commands(), commands(), texts()]);
  }

  /** Counts this run's values in a board document and a pack document. */
  observe(boardDoc: Y.Doc, packDoc: Y.Doc): Observation {
    const titles = new Map<string, number>();
    const nextSteps = new Map<string, string>();
    for (const card of readCards(boardDoc)) {
      if (card.customer !== this.customer) continue;
      titles.set(card.title, (titles.get(card.title) ?? 0) + 1);
      nextSteps.set(card.id, card.nextStep);
    }
    const tokens = new Map<string, number>();
    for (const match of packContent(packDoc).toString().matchAll(new RegExp(`t-${this.tag}-\\d+`, 'g'))) {
      tokens.set(match[0], (tokens.get(match[0]) ?? 0) + 1);
    }
    return { titles, tokens, nextSteps };
  }

  /** Checks one read against the history (without recording it). */
  judge(seen: Observation): ReadResult {
    const missing: string[] = [];
    const duplicated: string[] = [];
    const rejectedPresent: string[] = [];
    for (const op of this.ops.values()) {
      if (op.command.type === 'updateCard') {
        const shows = seen.nextSteps.get(op.command.cardId) === op.title;
        if (op.state === 'acked' && !shows) missing.push(`${op.title} (nextStep of card ${op.command.cardId})`);
        if (op.state === 'rejected' && shows) rejectedPresent.push(op.title);
        continue;
      }
      const n = seen.titles.get(op.title) ?? 0;
      if (op.state === 'acked' && n === 0) missing.push(op.title);
      if (op.state === 'rejected' && n > 0) rejectedPresent.push(op.title);
      if (n > 1) duplicated.push(op.title);
    }
    for (const [token, state] of this.texts) {
      const n = seen.tokens.get(token) ?? 0;
      if (state === 'acked' && n === 0) missing.push(token);
      if (n > 1) duplicated.push(token);
    }
    return { missing, duplicated, rejectedPresent };
  }

  /** Records a read's violations for the final figure and returns them. */
  record(result: ReadResult): ReadResult {
    this.reads++;
    for (const v of result.missing) this.violations.lost.add(v);
    for (const v of result.duplicated) this.violations.duplicated.add(v);
    for (const v of result.rejectedPresent) this.violations.rejectedPresent.add(v);
    return result;
  }

  /**
   * Reads through live sessions, allowing `timeoutMs` for them to converge (a process that
   * survived a kill may learn of its peer's last updates only when the peer's replacement
   * loads the document), then records what is still wrong.
   */
  async readSessions(sessions: readonly Session[], timeoutMs: number): Promise<ReadResult> {
    const judgeAll = () => {
      const results = sessions.map((s) => this.judge(this.observe(s.boardDoc, s.packDoc)));
      return {
        missing: [...new Set(results.flatMap((r) => r.missing))],
        duplicated: [...new Set(results.flatMap((r) => r.duplicated))],
        rejectedPresent: [...new Set(results.flatMap((r) => r.rejectedPresent))],
      };
    };
    const deadline = Date.now() + timeoutMs;
    let result = judgeAll();
    while (result.missing.length + result.rejectedPresent.length > 0 && Date.now() < deadline) {
      await sleep(25);
      result = judgeAll();
    }
    return this.record(result);
  }

  /** Acknowledged commands with the answer they got (for checking the store). */
  ackedCommands(): Array<{ id: string; type: string; title: string; answer: CommandAnswer }> {
    return [...this.ops.values()].filter((op) => op.state === 'acked').map((op) => ({ id: op.command.id, type: op.command.type, title: op.title, answer: op.answer! }));
  }

  stats() {
    const ops = [...this.ops.values()];
    const acked = ops.filter((op) => op.state === 'acked');
    const texts = [...this.texts.values()];
    return {
      commandsSent: ops.filter((op) => op.sends > 0).length,
      updatesAcked: acked.filter((op) => op.command.type === 'updateCard').length,
      commandsAcked: acked.length,
      commandsResent: ops.filter((op) => op.sends > 1).length,
      commandsRejected: ops.filter((op) => op.state === 'rejected').length,
      commandsUnanswered: ops.filter((op) => op.state === 'queued' && op.sends > 0).length,
      textsSent: texts.length,
      textsAcked: texts.filter((s) => s === 'acked').length,
    };
  }

  /** The answers of refused commands, for failure messages. */
  refusals(): string[] {
    return [...this.ops.values()].filter((op) => op.state === 'rejected').map((op) => `${op.title} (sent ${op.sends}x): ${JSON.stringify(op.answer)}`);
  }

  /** Values never acknowledged that a read nevertheless found (allowed: the server may have stored them before dying). */
  unacknowledgedPresent(seen: Observation): number {
    let n = 0;
    for (const op of this.ops.values()) {
      if (op.state === 'acked' || op.sends === 0) continue;
      const present = op.command.type === 'updateCard' ? seen.nextSteps.get(op.command.cardId) === op.title : (seen.titles.get(op.title) ?? 0) > 0;
      if (present) n++;
    }
    for (const [token, state] of this.texts) if (state !== 'acked' && (seen.tokens.get(token) ?? 0) > 0) n++;
    return n;
  }
}
