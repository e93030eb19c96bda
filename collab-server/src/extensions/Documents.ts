import type { Store } from '@baton/persistence';
import { parseDocName } from '@baton/shared-types';
import type {
  afterLoadDocumentPayload,
  afterUnloadDocumentPayload,
  beforeHandleMessagePayload,
  beforeUnloadDocumentPayload,
  Document,
  Extension,
  onLoadDocumentPayload,
} from '@hocuspocus/server';
import type { DocAccess } from '../boards/docAccess';
import type { DocumentRegistry } from '../boards/DocumentRegistry';
import { loadBoardDocument } from '../boards/loadBoard';
import { loadCardDocument } from '../boards/loadCardDoc';
import { DocumentPersister } from '../boards/persister';
import type { Logger } from '../log';
import { incomingUpdate } from './incomingUpdate';

export interface DocumentHooks {
  loaded?(name: string, document: Document): void;
  unloaded?(name: string): void;
}

/**
 * Loads every Baton document from the store and keeps it durable:
 * - board documents: repaired with committed command effects the log lacks (see loadBoard);
 * - card documents (pack, review, plan): a client's update is appended to the store BEFORE
 *   Hocuspocus applies and acknowledges it, and only from connections allowed to write (a
 *   read-only connection's update is dropped by Hocuspocus and never reaches the store);
 * - updates the server makes itself are appended as they happen; the log is compacted on unload.
 */
export class Documents implements Extension, DocumentRegistry {
  readonly extensionName = 'baton-documents';
  private readonly persisters = new Map<string, DocumentPersister>();
  private readonly epochs = new Map<string, string>();
  private readonly loaded = new Map<string, Document>();
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly docs: DocAccess,
    private readonly log: Logger,
    private readonly hooks: DocumentHooks = {},
    private readonly compactEvery = 500,
  ) {}

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    const parsed = parseDocName(documentName);
    if (!parsed) throw new Error(`Not a Baton document: ${documentName}`);
    if (parsed.kind === 'board') {
      const report = await loadBoardDocument(this.store, document, parsed.boardId);
      this.epochs.set(documentName, report.epoch);
      if (report.repaired > 0) this.log.warn('re-applied committed commands missing from the stored document', { documentName, ...report });
    } else {
      await loadCardDocument(this.store, this.docs, document, documentName, parsed);
      this.epochs.set(documentName, (await this.store.ensureDocument(documentName, () => 'unused')).epoch);
    }
  }

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
    const persister = new DocumentPersister(this.store, documentName, document, {
      compactEvery: this.compactEvery,
      onError: (error) => this.log.error('could not persist a document update', error, { documentName }),
    });
    this.persisters.set(documentName, persister.attach());
    this.loaded.set(documentName, document);
    this.hooks.loaded?.(documentName, document);
  }

  async beforeHandleMessage({ connection, documentName, update }: beforeHandleMessagePayload): Promise<void> {
    if (connection.readOnly) return;
    const payload = incomingUpdate(update);
    if (!payload) return;
    await this.store.appendUpdate(documentName, payload);
    this.persisters.get(documentName)?.noteAppended();
  }

  async beforeUnloadDocument({ documentName }: beforeUnloadDocumentPayload): Promise<void> {
    const persister = this.persisters.get(documentName);
    if (!persister || this.stopped) return;
    try {
      await persister.flush();
      await persister.compact();
    } catch (error) {
      this.log.error('could not compact a document before unloading it', error, { documentName });
    }
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.persisters.get(documentName)?.detach();
    this.persisters.delete(documentName);
    this.loaded.delete(documentName);
    this.epochs.delete(documentName);
    this.hooks.unloaded?.(documentName);
  }

  async flush(documentName: string): Promise<void> {
    await this.persisters.get(documentName)?.flush();
  }

  connections(documentName: string): number {
    return this.loaded.get(documentName)?.getConnections().length ?? 0;
  }

  sendAsApplied<T>(documentName: string, apply: () => T): T {
    const document = this.loaded.get(documentName);
    if (!document) return apply();
    // With no flush delay Hocuspocus sends an update to every connection in its `update`
    // event, instead of gathering the changes of this event-loop turn first.
    const delay = document.flushDelay;
    document.flushDelay = false;
    try {
      return apply();
    } finally {
      document.flushDelay = delay;
    }
  }

  /** Shutdown: makes every loaded document durable and compact, then stops touching the store. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const [documentName, persister] of this.persisters) {
      try {
        await persister.flush();
        await persister.compact();
      } catch (error) {
        this.log.error('could not compact a document at shutdown', error, { documentName });
      }
      persister.detach();
    }
  }

  epochOf(documentName: string): string | null {
    return this.epochs.get(documentName) ?? null;
  }
}
