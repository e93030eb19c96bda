import { parseDocName, type CommandAnswer } from '@baton/shared-types';
import type { Extension, onStatelessPayload } from '@hocuspocus/server';
import type { CommandService } from '../commands/CommandService';
import type { Logger } from '../log';
import { connectionContext } from './context';

/**
 * Commands arrive on the board document's stateless channel. Hocuspocus neither awaits nor
 * catches this hook, so it must never throw: every outcome is an answer to the sender, except
 * the `ack` of a connection that reads it from the change itself (see ACKS_IN_UPDATES).
 */
export class Commands implements Extension {
  readonly extensionName = 'baton-commands';

  constructor(
    private readonly commands: CommandService,
    private readonly log: Logger,
  ) {}

  async onStateless({ connection, documentName, payload }: onStatelessPayload): Promise<void> {
    let answer: CommandAnswer;
    let shownInUpdate = false;
    try {
      const ctx = connectionContext(connection.context);
      const doc = parseDocName(documentName);
      if (!ctx || doc?.kind !== 'board') {
        answer = { type: 'reject', id: null, reason: 'invalid', message: 'Commands are sent on a board document' };
      } else {
        const settled = await this.commands.settle(payload, ctx.user.id, doc.boardId);
        answer = settled.answer;
        // A client that reads command ids from the changes has its ack already (see ACKS_IN_UPDATES).
        shownInUpdate = ctx.acksInUpdates && settled.shownInUpdate && answer.type === 'ack';
      }
    } catch (error) {
      this.log.error('stateless handler failed', error, { documentName });
      answer = { type: 'reject', id: null, reason: 'internal', message: 'Something went wrong on our side; the change was not applied' };
    }
    if (shownInUpdate) return;
    try {
      connection.sendStateless(JSON.stringify(answer));
    } catch (error) {
      this.log.warn('could not answer a command', { documentName, error: String(error) });
    }
  }
}
