import type { Store } from '@baton/persistence';
import { parseDocName } from '@baton/shared-types';
import type {
  afterLoadDocumentPayload,
  afterUnloadDocumentPayload,
  beforeUnloadDocumentPayload,
  Extension,
  onLoadDocumentPayload,
} from '@hocuspocus/server';
import type { DocumentRegistry } from '../boards/DocumentRegistry';
import { loadBoardDocument } from '../boards/loadBoard';
import { DocumentPersister } from '../boards/persister';
import type { Logger } from '../log';

/**
 * Loads board documents from the store (repairing any committed command whose update was
 * lost), persists every later update as it happens, and compacts the log on unload.
 */
export class BoardDocuments implements Extension, DocumentRegistry {
  readonly extensionName = 'baton-board-documents';
  private readonly persisters = new Map<string, DocumentPersister>();
  private readonly epochs = new Map<string, string>();
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly compactEvery = 500,
  ) {}

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    const parsed = parseDocName(documentName);
    if (parsed?.kind !== 'board') return;
    const report = await loadBoardDocument(this.store, document, parsed.boardId);
    this.epochs.set(documentName, report.epoch);
    if (report.repaired > 0) this.log.warn('re-applied committed commands missing from the stored document', { documentName, ...report });
  }

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
    if (parseDocName(documentName)?.kind !== 'board') return;
    const persister = new DocumentPersister(this.store, documentName, document, {
      compactEvery: this.compactEvery,
      onError: (error) => this.log.error('could not persist a document update', error, { documentName }),
    });
    this.persisters.set(documentName, persister.attach());
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
    this.epochs.delete(documentName);
  }

  async flush(documentName: string): Promise<void> {
    await this.persisters.get(documentName)?.flush();
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
