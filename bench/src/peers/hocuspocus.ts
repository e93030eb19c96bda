/**
 * Stock Hocuspocus with its SQLite extension (default debounce: store 2 s after the last
 * change, at most every 10 s), behind the same `ws` server adapter Baton uses. The board is
 * written into the extension's table before the server starts, as the extension stores it.
 */
import { SQLite, schema } from '@hocuspocus/extension-sqlite';
import { Hocuspocus } from '@hocuspocus/server';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData } from 'ws';
import { env, startAgent } from '../lib/agent';
import { DOC_NAME } from '../lib/board';
import { registerDocumentOps } from '../lib/documents';

const database = env('BENCH_SQLITE');
{
  const db = new Database(database);
  db.exec(schema);
  const row = db.prepare('SELECT 1 FROM documents WHERE name = ?').get(DOC_NAME);
  if (!row) db.prepare('INSERT INTO documents (name, data) VALUES (?, ?)').run(DOC_NAME, readFileSync(env('BENCH_BOARD_FILE')));
  db.close();
}

const hocuspocus = new Hocuspocus({ quiet: true, extensions: [new SQLite({ database })] });

const toUint8 = (data: RawData): Uint8Array => {
  const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
};
const toRequest = (req: IncomingMessage) => {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { headers });
};

const server = createServer();
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', (ws, req: IncomingMessage) => {
  const connection = hocuspocus.handleConnection(ws, toRequest(req));
  ws.on('message', (data) => connection.handleMessage(toUint8(data)));
  ws.on('close', (code, reason) => connection.handleClose({ code, reason: reason.toString() }));
  ws.on('error', () => ws.terminate());
});
server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)));

const agent = startAgent(
  () => hocuspocus.documents.size,
  async () => {
    for (const ws of wss.clients) ws.terminate();
    hocuspocus.closeConnections();
    for (const doc of [...hocuspocus.documents.values()]) await hocuspocus.unloadDocument(doc);
    await new Promise((r) => server.close(r));
  },
);
registerDocumentOps(agent, hocuspocus);
server.listen(0, '127.0.0.1', () => agent.ready((server.address() as AddressInfo).port));
