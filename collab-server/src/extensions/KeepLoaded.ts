import { parseDocName } from '@baton/shared-types';
import type { afterLoadDocumentPayload, afterUnloadDocumentPayload, Document, Extension, Hocuspocus, onDisconnectPayload } from '@hocuspocus/server';

/** How long a board stays loaded after its last connection closed, unless configured otherwise. */
export const DEFAULT_KEEP_LOADED_MS = 5 * 60_000;

/** How often a held board is looked at, as a share of the time it is kept. */
const LOOKS_PER_KEEP = 4;

/**
 * Keeps a board loaded for `keepMs` after its last connection closed, so a reload, a return to
 * the board or the next person to open it is served from memory instead of reading and decoding
 * the whole board again (5,000 cards: ~300–400 ms before the first card can show). A board is
 * held by a direct-connection count on its document, the same pin DocAccess uses, so Hocuspocus
 * does not unload it; once the time is up with nobody connected, the pin is removed and the board
 * unloads as it always did (its log flushed and compacted first). 0 turns this off.
 */
export class KeepLoaded implements Extension {
  readonly extensionName = 'baton-keep-loaded';
  /** Held boards: since when each was seen with nobody connected (null: in use at the last look). */
  private readonly held = new Map<string, { document: Document; timer: NodeJS.Timeout; emptySince: number | null }>();

  constructor(
    private readonly hocuspocus: Hocuspocus,
    private readonly keepMs: number,
  ) {}

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
    if (this.keepMs <= 0 || parseDocName(documentName)?.kind !== 'board' || this.held.has(documentName)) return;
    document.addDirectConnection();
    const timer = setInterval(() => void this.look(documentName), Math.max(1, Math.round(this.keepMs / LOOKS_PER_KEEP)));
    timer.unref();
    this.held.set(documentName, { document, timer, emptySince: null });
  }

  async onDisconnect({ documentName }: onDisconnectPayload): Promise<void> {
    // Someone left: the time a board is kept counts from now at the earliest.
    const entry = this.held.get(documentName);
    if (entry && entry.document.getConnections().length === 0) entry.emptySince = performance.now();
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.unhold(documentName);
  }

  /** Lets the board go now: it unloads at once if nobody is connected (an operator, the benchmark's cold loads). */
  async release(documentName: string): Promise<void> {
    const entry = this.unhold(documentName);
    if (!entry) return;
    entry.document.removeDirectConnection();
    if (entry.document.getConnectionsCount() === 0) await this.hocuspocus.unloadDocument(entry.document);
  }

  /** Stops looking at a board; its pin (the direct connection) is the caller's to drop. */
  private unhold(documentName: string) {
    const entry = this.held.get(documentName);
    if (entry) clearInterval(entry.timer);
    this.held.delete(documentName);
    return entry;
  }

  /**
   * A board goes once it was seen with nobody connected for keepMs. Emptiness is counted from
   * when it is seen (or from the last disconnect, if later), never from before: a look may come
   * between a connection's removal and its disconnect hook.
   */
  private async look(documentName: string): Promise<void> {
    const entry = this.held.get(documentName);
    if (!entry) return;
    if (entry.document.getConnections().length > 0) {
      entry.emptySince = null;
      return;
    }
    const now = performance.now();
    entry.emptySince ??= now;
    if (now - entry.emptySince >= this.keepMs) await this.release(documentName);
  }
}
