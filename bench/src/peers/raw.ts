/** The floor: a bare `ws` server that relays every frame to every other socket. No document, no state. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { startAgent } from '../lib/agent';

const server = createServer();
const wss = new WebSocketServer({ server });
wss.on('connection', (ws) => {
  ws.on('message', (data, isBinary) => {
    for (const other of wss.clients) if (other !== ws && other.readyState === WebSocket.OPEN) other.send(data, { binary: isBinary });
  });
  ws.on('error', () => ws.terminate());
});

const agent = startAgent(
  () => 0,
  async () => {
    for (const ws of wss.clients) ws.terminate();
    await new Promise((r) => server.close(r));
  },
);
server.listen(0, '127.0.0.1', () => agent.ready((server.address() as AddressInfo).port));
