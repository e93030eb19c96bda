import type { AttachmentRecord, Store } from '@baton/persistence';
import {
  boardDocName,
  LIMITS,
  parseCommand,
  type Actor,
  type Card,
  type Command,
  type CommandAnswer,
  type Refusal,
  type UserId,
} from '@baton/shared-types';
import { applyEffects, readCard, readCards, readStages } from '@baton/shared-types/ydoc';
import type { Hocuspocus } from '@hocuspocus/server';
import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import type { DocumentRegistry } from '../boards/DocumentRegistry';
import type { Directory } from '../boards/directory';
import { serverOrigin } from '../boards/origins';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import { decide, type BoardMember, type DecisionContext } from './decide';
import { SerialQueue } from './queue';

export interface CommandServiceDeps {
  store: Store;
  clock: Clock;
  hocuspocus: Hocuspocus;
  documents: DocumentRegistry;
  directory: Directory;
  log: Logger;
}

const reject = (id: string | null, r: Refusal): CommandAnswer => ({ type: 'reject', id, ...r });

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

  async submit(input: unknown, userId: string, boardId: string): Promise<CommandAnswer> {
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
      const queue = this.queueFor(boardId);
      if (queue.size >= LIMITS.maxQueuedCommandsPerBoard) {
        return reject(command.id, { reason: 'internal', message: 'The board is busy; the change was not applied, try again' });
      }
      const answer = queue.run(() => this.execute(command, userId, boardId));
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

  private queueFor(boardId: string): SerialQueue {
    let queue = this.queues.get(boardId);
    if (!queue) {
      queue = new SerialQueue();
      this.queues.set(boardId, queue);
    }
    return queue;
  }

  private async execute(command: Command, userId: string, boardId: string): Promise<CommandAnswer> {
    const { store, clock, directory } = this.deps;
    const previous = await store.getCommand(command.id);
    if (previous) return this.replay(previous, command.id, userId, boardId);

    const members = await directory.members(boardId);
    const member = members.get(userId);
    const now = clock.now();
    if (!member) {
      return this.record(command, userId, boardId, now, reject(command.id, { reason: 'forbidden', message: 'You are not a member of this board' }));
    }
    const actor: Actor = { userId: userId as UserId, role: member.role };
    const connection = await this.deps.hocuspocus.openDirectConnection(boardDocName(boardId), { baton: 'command' });
    try {
      const doc = connection.document as Y.Doc;
      const boardMembers = new Map<string, BoardMember>(
        [...members].map(([id, m]) => [id, { role: m.role, region: m.user.region, displayName: m.user.displayName }]),
      );
      const upload = command.type === 'attachFile' ? await store.getAttachment(command.attachmentId) : null;
      const decision = decide(command, this.context(doc, actor, now, boardMembers, upload));
      if (!decision.ok) return await this.record(command, userId, boardId, now, reject(command.id, decision.error));

      const { effects, events, result } = decision.value;
      // Card documents (pack:, review:, plan:) are named by card id alone, so a card id may
      // belong to one board only.
      if (command.type === 'createCard' && !(await store.registerCard(String(result?.cardId), boardId))) {
        return await this.record(command, userId, boardId, now, reject(command.id, { reason: 'conflict', message: 'A card with this id already exists' }));
      }
      const answer: CommandAnswer = result ? { type: 'ack', id: command.id, result } : { type: 'ack', id: command.id };
      const commit = await store.commitCommand(
        { commandId: command.id, boardId, actor: userId, type: command.type, at: now, answer, effects },
        events.map((e) => ({ ...e, boardId, actor: userId, at: now })),
      );
      if (commit.status === 'duplicate') return this.replay(commit.existing, command.id, userId, boardId);
      if (effects.length > 0) {
        applyEffects(doc, effects, commit.seq ?? 0, serverOrigin('command', command.id));
        await this.deps.documents.flush(boardDocName(boardId));
      }
      return answer;
    } finally {
      await connection.disconnect({ unloadImmediately: false });
    }
  }

  private context(doc: Y.Doc, actor: Actor, now: number, members: Map<string, BoardMember>, upload: AttachmentRecord | null): DecisionContext {
    return {
      actor,
      now,
      stages: readStages(doc),
      getCard: (id) => readCard(doc, id),
      column: (stageId) => readCards(doc).filter((c) => c.stage === stageId),
      members,
      getUpload: (id) => (upload && upload.id === id ? upload : null),
      newId: randomUUID,
    };
  }

  /** Reads one card of a board as it is now (loading the board if needed). */
  async readCard(boardId: string, cardId: string): Promise<Card | null> {
    const connection = await this.deps.hocuspocus.openDirectConnection(boardDocName(boardId), { baton: 'read' });
    try {
      return readCard(connection.document as Y.Doc, cardId);
    } finally {
      await connection.disconnect({ unloadImmediately: false });
    }
  }

  /** Rejections are recorded too, so a replayed id always gets the same answer. */
  private async record(command: Command, userId: string, boardId: string, now: number, answer: CommandAnswer): Promise<CommandAnswer> {
    const commit = await this.deps.store.commitCommand(
      { commandId: command.id, boardId, actor: userId, type: command.type, at: now, answer, effects: [] },
      [],
    );
    return commit.status === 'duplicate' ? this.replay(commit.existing, command.id, userId, boardId) : answer;
  }

  private replay(previous: { boardId: string; actor: string; answer: CommandAnswer }, id: string, userId: string, boardId: string): CommandAnswer {
    if (previous.boardId !== boardId || previous.actor !== userId) {
      return reject(id, { reason: 'conflict', message: 'This command id was already used for another change' });
    }
    return previous.answer;
  }
}
