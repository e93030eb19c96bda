/** What the rest of the server needs to know about loaded documents. */
export interface DocumentRegistry {
  /** Resolves when every update of the document seen so far is durable. */
  flush(documentName: string): Promise<void>;
  /** The document's current epoch, when it is loaded. */
  epochOf(documentName: string): string | null;
}
