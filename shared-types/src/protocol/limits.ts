/** Size limits shared by server and client. */
export const LIMITS = {
  /** Largest websocket frame the server accepts; bigger frames close the socket with 1009. */
  maxWebsocketPayloadBytes: 2 * 1024 * 1024,
  /** Largest command (JSON text) the server will parse. */
  maxCommandBytes: 64 * 1024,
  /** Largest JSON body for HTTP endpoints. */
  maxHttpJsonBytes: 256 * 1024,
  /** Commands waiting for one board before new ones are refused. */
  maxQueuedCommandsPerBoard: 5000,
} as const;
