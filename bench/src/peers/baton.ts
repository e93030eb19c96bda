/**
 * Baton, started through its composition root exactly as main.ts does (demo seed off, fixed
 * token secret so logins survive restarts), on a data directory prepared by the harness.
 */
import { configFromEnv, startServer } from '@baton/collab-server';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { env, startAgent } from '../lib/agent';
import { generateBoard } from '../lib/board';
import { seedBoard } from '../lib/batonSeed';
import { REPO_ROOT } from '../lib/child';
import { timeCommands } from '../lib/commandTimes';
import { registerDocumentOps } from '../lib/documents';

const clientDir = path.join(REPO_ROOT, 'client', 'dist');
const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  dataDir: env('BENCH_DATA_DIR'),
  secret: env('BENCH_SECRET'),
  demo: false,
  fakeClock: false,
  tokenTtlMs: 24 * 3600_000,
  clientDir: existsSync(path.join(clientDir, 'index.html')) ? clientDir : null,
  quiet: true,
  // As main.ts configures it (BATON_KEEP_LOADED_SECONDS unset): a board stays loaded after its last client leaves.
  keepLoadedMs: configFromEnv({}, REPO_ROOT).keepLoadedMs ?? 0,
});

const agent = startAgent(
  () => server.hocuspocus.documents.size,
  () => server.close(),
  timeCommands(server),
);
registerDocumentOps(agent, server.hocuspocus, (name) => server.releaseBoard(name));
agent.handle('seed', (args) => {
  const { cards, users } = args as { cards: number; users: number };
  return seedBoard(server, generateBoard(cards, users));
});
agent.ready(server.port);
