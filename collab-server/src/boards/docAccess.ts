import { boardDocName, type Card } from '@baton/shared-types';
import { readCard } from '@baton/shared-types/ydoc';
import type { Hocuspocus } from '@hocuspocus/server';
import type * as Y from 'yjs';

/**
 * Server-side access to a live document: loads it if needed (through Baton's extensions, so
 * it is loaded and persisted exactly as for a client) and keeps it loaded while `fn` runs.
 */
export class DocAccess {
  constructor(private readonly hocuspocus: Hocuspocus) {}

  async withDoc<T>(name: string, fn: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
    const connection = await this.hocuspocus.openDirectConnection(name, { baton: 'server' });
    try {
      return await fn(connection.document as Y.Doc);
    } finally {
      await connection.disconnect({ unloadImmediately: false });
    }
  }

  readCard(boardId: string, cardId: string): Promise<Card | null> {
    return this.withDoc(boardDocName(boardId), (doc) => readCard(doc, cardId));
  }
}
