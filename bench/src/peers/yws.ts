/**
 * y-websocket's server (@y/websocket-server), as its own bin sets it up: one WSSharedDoc per
 * document name, kept in memory (no persistence configured). The board is put into the
 * document when it is created, before the first client's sync step 1 is answered.
 */
import { docs, setContentInitializor, setupWSConnection } from '@y/websocket-server/utils';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { env, startAgent } from '../lib/agent';
import { DOC_NAME } from '../lib/board';

const board = readFileSync(env('BENCH_BOARD_FILE'));
setContentInitializor(async (ydoc) => {
  Y.applyUpdate(ydoc, board);
});

const server = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('okay');
});
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', (ws, req) => setupWSConnection(ws, req, { docName: DOC_NAME }));
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});

const agent = startAgent(
  () => docs.size,
  async () => {
    for (const ws of wss.clients) ws.terminate();
    await new Promise((r) => server.close(r));
  },
);
server.listen(0, '127.0.0.1', () => agent.ready((server.address() as AddressInfo).port));
