import type { Store } from '@baton/persistence';
import { parseDocName } from '@baton/shared-types';
import { Hono } from 'hono';
import type { Directory } from '../boards/directory';
import type { DocumentRegistry } from '../boards/DocumentRegistry';
import type { ApiEnv } from './env';
import { fail } from './errors';

/**
 * The epochs of documents, before connecting to them: a client with a cached copy checks the
 * epoch first, so a copy from an older history is thrown away instead of being merged back.
 * `GET /api/epochs?docs=board:demo,pack:<cardId>` -> `{epochs: {name: epoch | null}}` (null: no such
 * document yet, or not yours to read).
 */
export function epochRoutes(deps: { store: Store; directory: Directory; documents: DocumentRegistry }) {
  const app = new Hono<ApiEnv>();
  app.get('/epochs', async (c) => {
    const names = (c.req.query('docs') ?? '').split(',').filter(Boolean);
    if (names.length === 0 || names.length > 100) return fail(c, 'invalid', 'Ask for 1 to 100 documents: ?docs=board:<id>,pack:<cardId>');
    const userId = c.get('user').id;
    const epochs: Record<string, string | null> = {};
    for (const name of names) {
      const doc = parseDocName(name);
      const boardId = !doc ? null : doc.kind === 'board' ? doc.boardId : await deps.store.boardOfCard(doc.cardId);
      const member = boardId ? (await deps.directory.roleOn(boardId, userId)) !== null : false;
      epochs[name] = member ? (deps.documents.epochOf(name) ?? (await deps.store.loadDocument(name))?.epoch ?? null) : null;
    }
    return c.json({ epochs });
  });
  return app;
}
