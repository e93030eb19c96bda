import { LIMITS } from '@baton/shared-types';
import type { Hocuspocus } from '@hocuspocus/server';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { isBoardAwareness } from './boards/frames';
import type { JoinCache } from './boards/joinCache';
import type { Logger } from './log';

export const COLLAB_PATH = '/collab';

function toUint8(data: RawData): Uint8Array {
  const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(key, value);
    else if (Array.isArray(value)) headers.set(key, value.join(', '));
  }
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { headers });
}

/**
 * Accepts websocket upgrades on /collab and hands them to Hocuspocus (4.x does not listen on
 * the socket itself). Frames over the size limit close the socket with 1009; text frames
 * are refused with 1003; socket errors never reach the process. A first sync of a client
 * holding nothing is served from one cached encoding of the board (see JoinCache); awareness
 * sent on a board goes no further than here (see isBoardAwareness).
 */
export function attachCollab(server: Server, hocuspocus: Hocuspocus, log: Logger, joinCache: JoinCache): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.maxWebsocketPayloadBytes });

  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    const connection = hocuspocus.handleConnection(ws, toRequest(req));
    ws.on('message', (data, isBinary) => {
      if (!isBinary) {
        ws.close(1003, 'Binary frames only');
        return;
      }
      const frame = toUint8(data);
      if (isBoardAwareness(frame)) return;
      connection.handleMessage(joinCache.incoming(ws, frame));
    });
    ws.on('close', (code, reason) => connection.handleClose({ code, reason: reason.toString() }));
    ws.on('error', (error) => log.warn('websocket error', { error: error.message }));
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== COLLAB_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  return wss;
}
