import type { Store } from '@baton/persistence';
import {
  boardDocName,
  LIMITS,
  parseCommand,
  type Actor,
  type Card,
  type CommandAnswer,
  type Refusal,
  type Result,
  type UserId,
} from '@baton/shared-types';
import { applyEffects, type BoardEffect } from '@baton/shared-types/ydoc';
import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import type { DocAccess } from '../boards/docAccess';
import type { DocumentRegistry } from '../boards/DocumentRegistry';
import type { Directory, MemberInfo } from '../boards/directory';
import { serverOrigin } from '../boards/origins';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { BoardMember, Decision, DecisionContext, DecisionEvent, FollowUp } from './context';
import { BoardView, decisionContext } from './boardView';
import { decide } from './decide';
import { singleProcessLock, type BoardLock } from './boardLock';
import { preload, type Preloaded } from './preload';
import { BatchPace, PACE_DEFAULTS, type PaceOptions } from './pace';
import { BatchQueue } from './queue';

export interface CommandServiceDeps {
  store: Store;
  clock: Clock;
  docs: DocAccess;
  documents: DocumentRegistry;
  directory: Directory;
  log: Logger;
  /** Work on other documents after an effect is applied (e.g. handoff templates). */
  followUp?: (boardId: string, followUp: FollowUp) => Promise<void>;
  /** Cross-process exclusion (several server processes); defaults to the in-process queue alone. */
  lock?: BoardLock;
  /** When a busy board's commands are gathered into one batch (see BatchPace). */
  pace?: Partial<PaceOptions>;
}

/** One unit of work on a board: a client's command, or a change the server makes itself. */
interface Job {
  id: string;
  type: string;
  userId: string;
  boardId: string;
  /** Commands from people are recorded even when refused, so a replayed id gets the same answer. */
  recordRefusals: boolean;
  /** The server acting on its own account (no membership needed). */
  system?: boolean;
  /** When the job happens, if not now. */
  now?: number;
  load(): Promise<Preloaded>;
  decide(ctx: DecisionContext): Result<Decision>;
}

/** A job that passed the checks made before the board is locked. */
interface Pending {
  index: number;
  job: Job;
  now: number;
  actor: Actor;
  extras: Preloaded;
}

/** A command's answer, given once its change (if any) has gone out to the board's connections. */
export interface Settled {
  answer: CommandAnswer;
  /** The change went out carrying the command's id on a card, so a client that reads ids from changes needs no `ack` (see ACKS_IN_UPDATES). */
  shownInUpdate: boolean;
}

/** An answer whose command's id no change carries (refusals, replays, failures). */
const answered = (answer: CommandAnswer): Settled => ({ answer, shownInUpdate: false });

/** What deciding a job came to, before it is committed. */
interface Outcome {
  job: Job;
  now: number;
  answer: CommandAnswer;
  effects: BoardEffect[];
  events: DecisionEvent[];
  followUps: FollowUp[];
}

/** At most this many commands are decided and committed together (a burst of a few hundred people is one batch). */
const MAX_BATCH = 500;

/** The actor of changes the server makes on its own account. */
export const SYSTEM_ACTOR = 'system';

/** The members as decisions see them, made once per directory read (the directory caches its maps). */
const boardMemberViews = new WeakMap<ReadonlyMap<string, MemberInfo>, ReadonlyMap<string, BoardMember>>();
function asBoardMembers(members: ReadonlyMap<string, MemberInfo>): ReadonlyMap<string, BoardMember> {
  let view = boardMemberViews.get(members);
  if (!view) {
    view = new Map([...members].map(([id, m]) => [id, { role: m.role, region: m.user.region, displayName: m.user.displayName }]));
    boardMemberViews.set(members, view);
  }
  return view;
}

const reject = (id: string | null, r: Refusal): CommandAnswer => ({ type: 'reject', id, ...r });
const NOTHING_PRELOADED: Preloaded = { upload: null, handoffDocs: { requirements: null, planMissing: null } };

/**
 * The one write path of the board document. For every command, from the websocket, HTTP
 * or the seed: parse -> deduplicate -> (one board at a time) authorise and decide ->
 * commit answer, effects and events in one transaction -> apply to the live document ->
 * wait until its update is durable -> answer. Never throws: every failure is a `reject`.
 */
export class CommandService {
  private readonly queues = new Map<string, BatchQueue<Job, Settled>>();
  /** Commands accepted but not answered yet, by id, with who sent them to which board. */
  private readonly inFlight = new Map<string, { userId: string; boardId: string; settling: Promise<Settled> }>();
  /** Follow-ups started and not finished (see executeBatch). */
  private readonly followingUp = new Set<Promise<void>>();

  constructor(private readonly deps: CommandServiceDeps) {}

  /** `options.now` stamps the command at another time (the demo seed replays history); people's commands use the clock. */
  async submit(input: unknown, userId: string, boardId: string, options: { now?: number } = {}): Promise<CommandAnswer> {
    return (await this.settle(input, userId, boardId, options)).answer;
  }

  /** `submit`, also telling whether the change went out carrying the command's id (the websocket path). */
  async settle(input: unknown, userId: string, boardId: string, options: { now?: number } = {}): Promise<Settled> {
    // The id of the parsed command, so that even an internal failure names the command it answers
    // (the input is a JSON string on the websocket path, so it cannot be read from `input`).
    let commandId: string | null = null;
    try {
      const parsed = parseCommand(input);
      if (!parsed.ok) return answered(reject(parsed.error.id, parsed.error));
      const command = parsed.value;
      commandId = command.id;
      const running = this.inFlight.get(command.id);
      if (running) {
        // The same id from someone else (or for another board) is not a replay: never hand them the first sender's answer.
        if (running.userId !== userId || running.boardId !== boardId) {
          return answered(reject(command.id, { reason: 'conflict', message: 'This command id was already used for another change' }));
        }
        // A re-sent command (another connection) is answered in words: it may not see the change carry its id.
        return answered((await running.settling).answer);
      }
      const job: Job = {
        id: command.id,
        type: command.type,
        userId,
        boardId,
        recordRefusals: true,
        ...(options.now !== undefined ? { now: options.now } : {}),
        load: () => preload(command, this.deps.store, this.deps.docs),
        decide: (ctx) => decide(command, ctx),
      };
      const settling = this.enqueue(job);
      this.inFlight.set(command.id, { userId, boardId, settling });
      try {
        return await settling;
      } finally {
        this.inFlight.delete(command.id);
      }
    } catch (error) {
      this.deps.log.error('command failed', error, { boardId, userId });
      return answered(reject(commandId, { reason: 'internal', message: 'Something went wrong on our side; the change was not applied' }));
    }
  }

  /**
   * A change the server makes on its own account or on behalf of `userId` (e.g. traffic-light
   * counts derived from the review document): same queue, commit and events as a command.
   */
  async runSystem(boardId: string, userId: string, type: string, decideFn: Job['decide']): Promise<CommandAnswer> {
    try {
      const system = userId === SYSTEM_ACTOR;
      return (await this.enqueue({ id: randomUUID(), type, userId, boardId, recordRefusals: false, system, load: async () => NOTHING_PRELOADED, decide: decideFn })).answer;
    } catch (error) {
      this.deps.log.error('system change failed', error, { boardId, type });
      return reject(null, { reason: 'internal', message: 'A server-side change failed' });
    }
  }

  readCard(boardId: string, cardId: string): Promise<Card | null> {
    return this.deps.docs.readCard(boardId, cardId);
  }

  private enqueue(job: Job): Promise<Settled> {
    let queue = this.queues.get(job.boardId);
    if (!queue) {
      const name = boardDocName(job.boardId);
      const pace = new BatchPace({ ...PACE_DEFAULTS, ...this.deps.pace }, () => this.deps.documents.connections(name));
      queue = new BatchQueue((jobs: Job[], deliver: (results: Settled[]) => void) => this.executeBatch(jobs, deliver), MAX_BATCH, pace);
      this.queues.set(job.boardId, queue);
    }
    if (queue.size >= LIMITS.maxQueuedCommandsPerBoard) {
      return Promise.resolve(answered(reject(job.id, { reason: 'internal', message: 'The board is busy; the change was not applied, try again' })));
    }
    return queue.run(job);
  }

  /** Resolves when every follow-up started so far has finished (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.followingUp.size > 0) await Promise.allSettled([...this.followingUp]);
  }

  /**
   * One board's jobs, in order: replays and non-members are answered first, the rest decided
   * and committed together (a burst is gathered first, see BatchPace). The answers are
   * delivered as soon as the effects are applied and broadcast. Follow-ups (e.g. handoff
   * templates, written into other documents) start after the batch and do not hold the
   * board's queue or lease: the next commands do not wait for them.
   */
  private async executeBatch(jobs: Job[], deliver: (results: Settled[]) => void): Promise<Settled[]> {
    const { store, clock, directory } = this.deps;
    const boardId = (jobs[0] as Job).boardId;
    const answers: Settled[] = [];
    const members = await directory.members(boardId);
    const live: Pending[] = [];
    for (const [index, job] of jobs.entries()) {
      const previous = await store.getCommand(job.id);
      if (previous) {
        answers[index] = answered(this.replay(previous, job));
        continue;
      }
      const member = members.get(job.userId);
      const now = job.now ?? clock.now();
      if (!member && !job.system) {
        answers[index] = answered(await this.refuse(job, now, { reason: 'forbidden', message: 'You are not a member of this board' }));
        continue;
      }
      const actor: Actor = { userId: job.userId as UserId, role: member?.role ?? 'admin' };
      live.push({ index, job, now, actor, extras: await job.load() });
    }
    if (live.length > 0) {
      const lock = this.deps.lock ?? singleProcessLock;
      const followUps = await this.deps.docs.withDoc(boardDocName(boardId), (doc) =>
        lock.run(boardId, doc, async () => {
          const decided = await this.decideAndApply(live, doc, members);
          live.forEach((p, i) => (answers[p.index] = decided.results[i] as Settled));
          deliver(answers);
          return decided.followUps;
        }),
      );
      if (followUps.length > 0) {
        const running = this.runFollowUps(followUps).finally(() => this.followingUp.delete(running));
        this.followingUp.add(running);
      }
    }
    return answers;
  }

  /**
   * Decides each job against the board as the batch's earlier jobs leave it (BoardView),
   * commits every answer, effect and event in one transaction, then applies all effects to
   * the live document in one Yjs transaction (one update, one broadcast) and answers.
   */
  private async decideAndApply(live: Pending[], doc: Y.Doc, members: ReadonlyMap<string, MemberInfo>): Promise<{ results: Settled[]; followUps: Outcome[] }> {
    const { store } = this.deps;
    const boardMembers = asBoardMembers(members);
    const view = new BoardView(doc);
    const outcomes: Outcome[] = [];
    const refused = (p: Pending, refusal: Refusal): Outcome => ({ job: p.job, now: p.now, answer: reject(p.job.id, refusal), effects: [], events: [], followUps: [] });
    for (const p of live) {
      const decision = p.job.decide(decisionContext(view, p.actor, p.now, boardMembers, p.extras));
      if (!decision.ok) {
        outcomes.push(refused(p, decision.error));
        continue;
      }
      const { effects, events, result, followUps = [] } = decision.value;
      // Card documents (pack:, review:, plan:) are named by card id alone, so a card id may
      // belong to one board only.
      if (p.job.type === 'createCard' && !(await store.registerCard(String(result?.cardId), p.job.boardId))) {
        outcomes.push(refused(p, { reason: 'conflict', message: 'A card with this id already exists' }));
        continue;
      }
      view.apply(effects);
      const answer: CommandAnswer = result ? { type: 'ack', id: p.job.id, result } : { type: 'ack', id: p.job.id };
      outcomes.push({ job: p.job, now: p.now, answer, effects, events, followUps });
    }

    const recorded = outcomes.filter((o) => o.answer.type === 'ack' || o.job.recordRefusals);
    const commit = await store.commitCommands(
      recorded.map(({ job, now, answer, effects, events }) => ({
        record: { commandId: job.id, boardId: job.boardId, actor: job.userId, type: job.type, at: now, answer, effects },
        events: events.map((e) => ({ ...e, boardId: job.boardId, actor: job.userId, at: now })),
      })),
    );
    if (commit.status === 'duplicate') {
      // One of these ids was recorded meanwhile (a replay racing this one): nothing was
      // written, so decide them again one at a time; that one gets the recorded answer.
      if (live.length === 1) return { results: [answered(this.replay(commit.existing, (live[0] as Pending).job))], followUps: [] };
      const each = { results: [] as Settled[], followUps: [] as Outcome[] };
      for (const p of live) {
        const one = await this.decideAndApply([p], doc, members);
        each.results.push(...one.results);
        each.followUps.push(...one.followUps);
      }
      return each;
    }

    const applied = outcomes.filter((o) => o.answer.type === 'ack' && o.effects.length > 0);
    let shown = new Set<string>();
    if (applied.length > 0) {
      const lastSeq = Math.max(0, ...commit.seqs.map((s) => s ?? 0));
      const first = (live[0] as Pending).job;
      const name = boardDocName(first.boardId);
      const origin = serverOrigin('command', live.length === 1 ? first.id : `${live.length} commands`);
      // Each card carries the id of the command that wrote it: the change itself tells its sender it was applied.
      shown = this.deps.documents.sendAsApplied(name, () =>
        applyEffects(doc, applied.flatMap((o) => o.effects), lastSeq, origin, applied.flatMap((o) => o.effects.map(() => o.job.id))),
      );
      await this.deps.documents.flush(name);
    }
    return {
      results: outcomes.map((o) => ({ answer: o.answer, shownInUpdate: shown.has(o.job.id) })),
      followUps: outcomes.filter((o) => o.answer.type === 'ack' && o.followUps.length > 0),
    };
  }

  private async runFollowUps(outcomes: Outcome[]): Promise<void> {
    for (const o of outcomes) {
      for (const f of o.followUps) {
        try {
          await this.deps.followUp?.(o.job.boardId, f);
        } catch (error) {
          // The effect is committed; the follow-up is repaired when its document next loads.
          this.deps.log.error('a follow-up failed', error, { boardId: o.job.boardId, followUp: f.kind });
        }
      }
    }
  }

  /** Refusals of people's commands are recorded, so a replayed id always gets the same answer. */
  private async refuse(job: Job, now: number, refusal: Refusal): Promise<CommandAnswer> {
    const answer = reject(job.id, refusal);
    if (!job.recordRefusals) return answer;
    const commit = await this.deps.store.commitCommand(
      { commandId: job.id, boardId: job.boardId, actor: job.userId, type: job.type, at: now, answer, effects: [] },
      [],
    );
    return commit.status === 'duplicate' ? this.replay(commit.existing, job) : answer;
  }

  private replay(previous: { boardId: string; actor: string; answer: CommandAnswer }, job: Job): CommandAnswer {
    if (previous.boardId !== job.boardId || previous.actor !== job.userId) {
      return reject(job.id, { reason: 'conflict', message: 'This command id was already used for another change' });
    }
    return previous.answer;
  }
}
