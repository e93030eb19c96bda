/** What the rest of the server needs to know about loaded documents. */
export interface DocumentRegistry {
  /** Resolves when every update of the document seen so far is durable. */
  flush(documentName: string): Promise<void>;
  /**
   * Sends the document's buffered changes to its connections now instead of at the end of
   * the event-loop turn, so a command's answer never reaches its sender before its effect.
   */
  broadcastNow(documentName: string): void;
  /** How many websocket connections the document has in this process (0 when not loaded). */
  connections(documentName: string): number;
  /** The document's current epoch, when it is loaded. */
  epochOf(documentName: string): string | null;
}
