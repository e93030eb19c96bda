import type { Store } from '@baton/persistence';
import { boardDocName, UUID_PATTERN } from '@baton/shared-types';
import { Hono } from 'hono';
import { randomUUID } from 'node:crypto';
import type { DocumentRegistry } from '../boards/DocumentRegistry';
import type { Directory } from '../boards/directory';
import type { CommandService } from '../commands/CommandService';
import type { ApiEnv } from './env';
import { fail, STATUS_FOR } from './errors';
import { readJson } from './readJson';

export interface BoardRouteDeps {
  store: Store;
  directory: Directory;
  commands: CommandService;
  documents: DocumentRegistry;
}

/** Board metadata, the HTTP command path (same validation as the websocket) and card history. */
export function boardRoutes(deps: BoardRouteDeps) {
  const app = new Hono<ApiEnv>();

  app.get('/:boardId', async (c) => {
    const boardId = c.req.param('boardId');
    const board = await deps.store.getBoard(boardId);
    const role = board ? await deps.directory.roleOn(boardId, c.get('user').id) : null;
    if (!board || !role) return fail(c, 'not_found', 'No such board, or you are not a member of it');
    const epoch = deps.documents.epochOf(boardDocName(boardId)) ?? (await deps.store.ensureDocument(boardDocName(boardId), randomUUID)).epoch;
    return c.json({ board: { id: board.id, name: board.name }, role, epoch, members: await deps.directory.memberList(boardId) });
  });

  app.post('/:boardId/commands', async (c) => {
    const boardId = c.req.param('boardId');
    const user = c.get('user');
    if (!(await deps.directory.roleOn(boardId, user.id))) return fail(c, 'not_found', 'No such board, or you are not a member of it');
    const body = await readJson(c);
    if (!body.ok) return c.json({ type: 'reject', id: null, reason: 'invalid', message: body.message }, 400);
    const answer = await deps.commands.submit(body.value, user.id, boardId);
    return c.json(answer, answer.type === 'ack' ? 200 : STATUS_FOR[answer.reason]);
  });

  app.get('/:boardId/cards/:cardId/events', async (c) => {
    const { boardId, cardId } = c.req.param();
    if (!(await deps.directory.roleOn(boardId, c.get('user').id))) return fail(c, 'not_found', 'No such board, or you are not a member of it');
    if (!UUID_PATTERN.test(cardId)) return fail(c, 'invalid', 'Not a card id');
    const events = await deps.store.listEvents({ boardId, cardId, newestFirst: true, limit: 500 });
    return c.json({ events: events.map(({ id, cardId: card, type, actor, at, data }) => ({ id, cardId: card, type, actor, at, data })) });
  });

  return app;
}
