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
    const loaded = this.hocuspocus.documents.get(name);
    if (loaded && !this.hocuspocus.unloadingDocuments.has(name)) {
      // Loaded (the usual case for a command): pinned by a direct-connection count, which keeps
      // Hocuspocus from unloading it meanwhile, without a connection object and its store hooks.
      loaded.addDirectConnection();
      try {
        return await fn(loaded);
      } finally {
        loaded.removeDirectConnection();
        // The last connection left while it was pinned: let Hocuspocus unload it as it would have.
        if (loaded.getConnectionsCount() === 0) await this.release(name);
      }
    }
    const connection = await this.hocuspocus.openDirectConnection(name, { baton: 'server' });
    try {
      return await fn(connection.document as Y.Doc);
    } finally {
      await connection.disconnect({ unloadImmediately: false });
    }
  }

  private async release(name: string): Promise<void> {
    const connection = await this.hocuspocus.openDirectConnection(name, { baton: 'server' });
    await connection.disconnect({ unloadImmediately: false });
  }

  /** The live document if this process has it loaded (or is loading it), without loading it. */
  async ifLoaded(name: string): Promise<Y.Doc | null> {
    const loaded = this.hocuspocus.documents.get(name);
    if (loaded) return loaded;
    const loading = this.hocuspocus.loadingDocuments.get(name);
    return loading ? await loading.then((d) => d as Y.Doc, () => null) : null;
  }

  readCard(boardId: string, cardId: string): Promise<Card | null> {
    return this.withDoc(boardDocName(boardId), (doc) => readCard(doc, cardId));
  }
}
