/** What the rest of the server needs to know about loaded documents. */
export interface DocumentRegistry {
  /** Resolves when every update of the document seen so far is durable. */
  flush(documentName: string): Promise<void>;
  /**
   * Runs `apply` (one Yjs transaction on the document) so that its update goes to the
   * document's connections as it is made, not at the end of the event-loop turn: a command's
   * answer never reaches its sender before its effect, and its change waits for nothing else.
   */
  sendAsApplied<T>(documentName: string, apply: () => T): T;
  /** How many websocket connections the document has in this process (0 when not loaded). */
  connections(documentName: string): number;
  /** The document's current epoch, when it is loaded. */
  epochOf(documentName: string): string | null;
}
