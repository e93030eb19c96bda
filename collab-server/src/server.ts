import type { Store } from '@baton/persistence';
import { openSqliteStore } from '@baton/persistence/sqlite';
import { getRequestListener } from '@hono/node-server';
import { Hocuspocus } from '@hocuspocus/server';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Authenticator } from './auth/authenticator';
import { TokenService } from './auth/tokens';
import { Directory } from './boards/directory';
import { FakeClock, systemClock, type Clock } from './clock';
import { CommandService } from './commands/CommandService';
import type { Config } from './config';
import { Authentication } from './extensions/Authentication';
import { BoardDocuments } from './extensions/BoardDocuments';
import { Commands } from './extensions/Commands';
import { Presence } from './extensions/Presence';
import { createApp } from './http/app';
import { createLogger, type Logger } from './log';
import { DEMO_USERS } from './seed/demoData';
import { seedDemo } from './seed/seed';
import { attachCollab } from './websocket';

export interface BatonServer {
  url: string;
  port: number;
  store: Store;
  clock: Clock;
  hocuspocus: Hocuspocus;
  commands: CommandService;
  log: Logger;
  close(): Promise<void>;
}

/** Composition root: configuration -> store, auth, Hocuspocus with Baton's extensions, HTTP. */
export async function startServer(config: Config): Promise<BatonServer> {
  const log = createLogger(config.quiet);
  const store = await openSqliteStore(path.join(config.dataDir, 'baton.db'));
  const fakeClock = config.fakeClock ? new FakeClock() : null;
  const clock: Clock = fakeClock ?? systemClock;
  const secret = config.secret ?? (await store.setSettingIfAbsent('token_secret', randomBytes(32).toString('base64url')));
  const auth = new Authenticator(store, new TokenService(secret, clock, config.tokenTtlMs));
  const directory = new Directory(store);
  const documents = new BoardDocuments(store, log);

  const hocuspocus = new Hocuspocus({ quiet: true, name: 'baton', debounce: 2000, maxDebounce: 10_000 });
  const commandDeps = { store, clock, hocuspocus, documents, directory, log };
  const commands = new CommandService(commandDeps);
  hocuspocus.configure({
    extensions: [new Authentication(auth, directory), documents, new Commands(commands, log), new Presence(clock, documents)],
  });

  if (config.demo) {
    const seedClock = { at: 0, now: () => seedClock.at };
    const seedCommands = new CommandService({ ...commandDeps, clock: seedClock });
    await seedDemo(store, clock, (command, userId, at) => {
      seedClock.at = at;
      return seedCommands.submit(command, userId, 'demo');
    }, log);
  }

  const app = createApp({
    store,
    auth,
    directory,
    commands,
    documents,
    log,
    demo: config.demo,
    demoUsernames: DEMO_USERS.map((u) => u.username),
    fakeClock,
    clock,
    clientDir: config.clientDir,
  });
  const server: Server = createServer(getRequestListener(app.fetch));
  const wss = attachCollab(server, hocuspocus, log);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${config.host}:${port}`;

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      hocuspocus.closeConnections();
      await documents.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    })());

  return { url, port, store, clock, hocuspocus, commands, log, close };
}
