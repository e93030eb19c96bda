import { parseDocName } from '@baton/shared-types';
import type { afterLoadDocumentPayload, afterUnloadDocumentPayload, Document, Extension, Hocuspocus, onDisconnectPayload } from '@hocuspocus/server';

/** How long a board stays loaded after its last connection closed, unless configured otherwise. */
export const DEFAULT_KEEP_LOADED_MS = 5 * 60_000;

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
  private readonly held = new Map<string, { document: Document; timer: NodeJS.Timeout }>();

  constructor(
    private readonly hocuspocus: Hocuspocus,
    private readonly keepMs: number,
  ) {}

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
    if (this.keepMs <= 0 || parseDocName(documentName)?.kind !== 'board' || this.held.has(documentName)) return;
    document.addDirectConnection();
    this.held.set(documentName, { document, timer: this.arm(documentName) });
  }

  async onDisconnect({ documentName }: onDisconnectPayload): Promise<void> {
    const entry = this.held.get(documentName);
    if (!entry || entry.document.getConnections().length > 0) return;
    // The last person left: the board stays for keepMs from now.
    clearTimeout(entry.timer);
    entry.timer = this.arm(documentName);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    const entry = this.held.get(documentName);
    if (entry) clearTimeout(entry.timer);
    this.held.delete(documentName);
  }

  /** Lets the board go now: it unloads at once if nobody is connected (shutdown, an operator, the benchmark's cold loads). */
  async release(documentName: string): Promise<void> {
    const entry = this.held.get(documentName);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.held.delete(documentName);
    entry.document.removeDirectConnection();
    if (entry.document.getConnectionsCount() === 0) await this.hocuspocus.unloadDocument(entry.document);
  }

  private arm(documentName: string): NodeJS.Timeout {
    const timer = setTimeout(() => void this.expire(documentName), this.keepMs);
    timer.unref();
    return timer;
  }

  private async expire(documentName: string): Promise<void> {
    const entry = this.held.get(documentName);
    if (!entry) return;
    // Still in use: look again later (every disconnect of the last person restarts the count).
    if (entry.document.getConnections().length > 0) entry.timer = this.arm(documentName);
    else await this.release(documentName);
  }
}
