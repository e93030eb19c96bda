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
import { applyEffects, readCard, readCards, readSla, readStages, readStandupState } from '@baton/shared-types/ydoc';
import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import type { DocAccess } from '../boards/docAccess';
import type { DocumentRegistry } from '../boards/DocumentRegistry';
import type { Directory, MemberInfo } from '../boards/directory';
import { serverOrigin } from '../boards/origins';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { BoardMember, Decision, DecisionContext, FollowUp } from './context';
import { decide } from './decide';
import { singleProcessLock, type BoardLock } from './boardLock';
import { preload, type Preloaded } from './preload';
import { SerialQueue } from './queue';

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

/** The actor of changes the server makes on its own account. */
export const SYSTEM_ACTOR = 'system';

const reject = (id: string | null, r: Refusal): CommandAnswer => ({ type: 'reject', id, ...r });
const NOTHING_PRELOADED: Preloaded = { upload: null, handoffDocs: { requirements: null, planMissing: null } };

/**
 * The one write path of the board document. For every command, from the websocket, HTTP
 * or the seed: parse -> deduplicate -> (one board at a time) authorise and decide ->
 * commit answer, effects and events in one transaction -> apply to the live document ->
 * wait until its update is durable -> answer. Never throws: every failure is a `reject`.
 */
export class CommandService {
  private readonly queues = new Map<string, SerialQueue>();
  /** Commands accepted but not answered yet, by id, with who sent them to which board. */
  private readonly inFlight = new Map<string, { userId: string; boardId: string; answer: Promise<CommandAnswer> }>();

  constructor(private readonly deps: CommandServiceDeps) {}

  /** `options.now` stamps the command at another time (the demo seed replays history); people's commands use the clock. */
  async submit(input: unknown, userId: string, boardId: string, options: { now?: number } = {}): Promise<CommandAnswer> {
    // The id of the parsed command, so that even an internal failure names the command it answers
    // (the input is a JSON string on the websocket path, so it cannot be read from `input`).
    let commandId: string | null = null;
    try {
      const parsed = parseCommand(input);
      if (!parsed.ok) return reject(parsed.error.id, parsed.error);
      const command = parsed.value;
      commandId = command.id;
      const running = this.inFlight.get(command.id);
      if (running) {
        // The same id from someone else (or for another board) is not a replay: never hand them the first sender's answer.
        if (running.userId !== userId || running.boardId !== boardId) {
          return reject(command.id, { reason: 'conflict', message: 'This command id was already used for another change' });
        }
        return await running.answer;
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
      const answer = this.enqueue(job);
      this.inFlight.set(command.id, { userId, boardId, answer });
      try {
        return await answer;
      } finally {
        this.inFlight.delete(command.id);
      }
    } catch (error) {
      this.deps.log.error('command failed', error, { boardId, userId });
      return reject(commandId, { reason: 'internal', message: 'Something went wrong on our side; the change was not applied' });
    }
  }

  /**
   * A change the server makes on its own account or on behalf of `userId` (e.g. traffic-light
   * counts derived from the review document): same queue, commit and events as a command.
   */
  async runSystem(boardId: string, userId: string, type: string, decideFn: Job['decide']): Promise<CommandAnswer> {
    try {
      const system = userId === SYSTEM_ACTOR;
      return await this.enqueue({ id: randomUUID(), type, userId, boardId, recordRefusals: false, system, load: async () => NOTHING_PRELOADED, decide: decideFn });
    } catch (error) {
      this.deps.log.error('system change failed', error, { boardId, type });
      return reject(null, { reason: 'internal', message: 'A server-side change failed' });
    }
  }

  readCard(boardId: string, cardId: string): Promise<Card | null> {
    return this.deps.docs.readCard(boardId, cardId);
  }

  private enqueue(job: Job): Promise<CommandAnswer> {
    let queue = this.queues.get(job.boardId);
    if (!queue) {
      queue = new SerialQueue();
      this.queues.set(job.boardId, queue);
    }
    if (queue.size >= LIMITS.maxQueuedCommandsPerBoard) {
      return Promise.resolve(reject(job.id, { reason: 'internal', message: 'The board is busy; the change was not applied, try again' }));
    }
    return queue.run(() => this.execute(job));
  }

  private async execute(job: Job): Promise<CommandAnswer> {
    const { store, clock, directory } = this.deps;
    const previous = await store.getCommand(job.id);
    if (previous) return this.replay(previous, job);

    const members = await directory.members(job.boardId);
    const member = members.get(job.userId);
    const now = job.now ?? clock.now();
    if (!member && !job.system) return this.refuse(job, now, { reason: 'forbidden', message: 'You are not a member of this board' });
    const actor: Actor = { userId: job.userId as UserId, role: member?.role ?? 'admin' };
    const extras = await job.load();
    const lock = this.deps.lock ?? singleProcessLock;
    return this.deps.docs.withDoc(boardDocName(job.boardId), (doc) => lock.run(job.boardId, doc, () => this.decideAndApply(job, doc, actor, now, members, extras)));
  }

  private async decideAndApply(
    job: Job,
    doc: Y.Doc,
    actor: Actor,
    now: number,
    members: Map<string, MemberInfo>,
    extras: Preloaded,
  ): Promise<CommandAnswer> {
    const { store } = this.deps;
    const boardMembers = new Map<string, BoardMember>(
      [...members].map(([id, m]) => [id, { role: m.role, region: m.user.region, displayName: m.user.displayName }]),
    );
    const decision = job.decide(this.context(doc, actor, now, boardMembers, extras));
    if (!decision.ok) return this.refuse(job, now, decision.error);

    const { effects, events, result, followUps = [] } = decision.value;
    // Card documents (pack:, review:, plan:) are named by card id alone, so a card id may
    // belong to one board only.
    if (job.type === 'createCard' && !(await store.registerCard(String(result?.cardId), job.boardId))) {
      return this.refuse(job, now, { reason: 'conflict', message: 'A card with this id already exists' });
    }
    const answer: CommandAnswer = result ? { type: 'ack', id: job.id, result } : { type: 'ack', id: job.id };
    const commit = await store.commitCommand(
      { commandId: job.id, boardId: job.boardId, actor: job.userId, type: job.type, at: now, answer, effects },
      events.map((e) => ({ ...e, boardId: job.boardId, actor: job.userId, at: now })),
    );
    if (commit.status === 'duplicate') return this.replay(commit.existing, job);
    if (effects.length > 0) {
      applyEffects(doc, effects, commit.seq ?? 0, serverOrigin('command', job.id));
      await this.deps.documents.flush(boardDocName(job.boardId));
    }
    for (const f of followUps) {
      try {
        await this.deps.followUp?.(job.boardId, f);
      } catch (error) {
        // The effect is committed; the follow-up is repaired when its document next loads.
        this.deps.log.error('a follow-up failed', error, { boardId: job.boardId, followUp: f.kind });
      }
    }
    return answer;
  }

  private context(doc: Y.Doc, actor: Actor, now: number, members: Map<string, BoardMember>, extras: Preloaded): DecisionContext {
    return {
      actor,
      now,
      stages: readStages(doc),
      getCard: (id) => readCard(doc, id),
      column: (stageId) => readCards(doc).filter((c) => c.stage === stageId),
      allCards: () => readCards(doc),
      sla: readSla(doc),
      standup: readStandupState(doc),
      members,
      getUpload: (id) => (extras.upload && extras.upload.id === id ? extras.upload : null),
      handoffDocs: extras.handoffDocs,
      newId: randomUUID,
    };
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
