import type { Store } from '@baton/persistence';
import { openPostgresStore } from '@baton/persistence/postgres';
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
import { DocAccess } from './boards/docAccess';
import { CommandService } from './commands/CommandService';
import type { FollowUp } from './commands/context';
import { fillLoadedTemplates } from './handoff/templates';
import type { Config } from './config';
import { Authentication } from './extensions/Authentication';
import { Documents } from './extensions/Documents';
import { HandoffWatcher } from './handoff/reviewWatcher';
import { Commands } from './extensions/Commands';
import { KeepLoaded } from './extensions/KeepLoaded';
import { Presence } from './extensions/Presence';
import { createApp } from './http/app';
import { createLogger, type Logger } from './log';
import { DEMO_USERS } from './seed/demoData';
import { seedDemo } from './seed/seed';
import { scaleOut } from './scaleOut';
import { SlaEngine } from './sla/engine';
import { broadcastClock, pushNotification } from './sla/live';
import { readWebhook, WebhookSender } from './sla/webhooks';
import { attachCollab } from './websocket';
import { JoinCache } from './boards/joinCache';

export interface BatonServer {
  url: string;
  port: number;
  store: Store;
  clock: Clock;
  hocuspocus: Hocuspocus;
  commands: CommandService;
  log: Logger;
  sla: SlaEngine;
  webhooks: WebhookSender;
  /** Unloads a board now if nobody is connected, instead of keeping it loaded for `keepLoadedMs`. */
  releaseBoard(documentName: string): Promise<void>;
  close(): Promise<void>;
}

/** Composition root: configuration -> store, auth, Hocuspocus with Baton's extensions, HTTP. */
export async function startServer(config: Config): Promise<BatonServer> {
  const log = createLogger(config.quiet);
  const store: Store = config.databaseUrl ? await openPostgresStore(config.databaseUrl) : await openSqliteStore(path.join(config.dataDir, 'baton.db'));
  const fakeClock = config.fakeClock ? new FakeClock(Number((await store.getSetting('fake_clock_offset')) ?? 0) || 0) : null;
  const clock: Clock = fakeClock ?? systemClock;
  const secret = config.secret ?? (await store.setSettingIfAbsent('token_secret', randomBytes(32).toString('base64url')));
  const auth = new Authenticator(store, new TokenService(secret, clock, config.tokenTtlMs));
  const directory = new Directory(store);
  const hocuspocus = new Hocuspocus({ quiet: true, name: 'baton', debounce: 2000, maxDebounce: 10_000 });
  const docs = new DocAccess(hocuspocus);
  const joinCache = new JoinCache(hocuspocus);
  const keepLoaded = new KeepLoaded(hocuspocus, config.keepLoadedMs ?? 0);
  let watcher: HandoffWatcher | null = null;
  const documents = new Documents(store, docs, log, {
    loaded: (name, document) => watcher?.loaded(name, document),
    unloaded: (name) => watcher?.unloaded(name),
  }, config.compactEvery);
  const followUp = async (boardId: string, f: FollowUp) => {
    if (f.kind !== 'handoffTemplates') return;
    await fillLoadedTemplates(docs, boardId, f.cardId);
  };
  const instanceId = `baton-${randomBytes(6).toString('hex')}`;
  const cluster = config.redisUrl ? scaleOut(config.redisUrl, store, instanceId, config.redisPrefix) : null;
  const commandDeps = { store, clock, docs, documents, directory, log, followUp, ...(cluster ? { lock: cluster.lock } : {}), ...(config.pace ? { pace: config.pace } : {}) };
  const commands = new CommandService(commandDeps);
  watcher = new HandoffWatcher({ store, clock, docs, commands, log });
  hocuspocus.configure({
    extensions: [
      new Authentication(auth, directory, store, docs),
      documents,
      ...(cluster ? [cluster.extension] : []),
      new Commands(commands, log),
      new Presence(clock, documents),
      joinCache,
      keepLoaded,
    ],
  });

  const webhooks = new WebhookSender(store, clock, log);
  const sla = new SlaEngine({
    store,
    clock,
    docs,
    directory,
    log,
    notify: (alert, recipients) => {
      void pushNotification(hocuspocus, store, alert, recipients).catch((e: unknown) => log.error('could not push a notification', e));
      if (alert.webhook === 'pending') void webhooks.tick();
    },
    hasWebhook: async (boardId) => (await readWebhook(store, boardId)) !== null,
  });

  if (config.demo) {
    // The seed goes through the same command service (and so the same per-board queue) as
    // everyone else, with each command stamped at the deal's historical time.
    await seedDemo(store, clock, (command, userId, at) => commands.submit(command, userId, 'demo', { now: at }), log);
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
    docs,
    onClockAdvance: async (now) => {
      if (fakeClock) await store.setSetting('fake_clock_offset', String(fakeClock.offset));
      broadcastClock(hocuspocus, now);
      await sla.runOnce();
    },
    health: async () => {
      const storeState = await store.getSetting('token_secret').then(
        () => ({ kind: store.kind, ok: true }),
        (error: unknown) => ({ kind: store.kind, ok: false, error: String(error) }),
      );
      if (!cluster) return { ok: storeState.ok, store: storeState };
      const redis = await cluster.ping();
      return { ok: storeState.ok && redis.ok, store: storeState, redis, instance: instanceId };
    },
    clientDir: config.clientDir,
  });
  const server: Server = createServer(getRequestListener(app.fetch));
  const wss = attachCollab(server, hocuspocus, log, joinCache);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  if ((config.slaIntervalMs ?? 30_000) > 0) sla.start(config.slaIntervalMs ?? 30_000);
  webhooks.start(1000);
  const url = `http://${config.host}:${port}`;

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      hocuspocus.closeConnections();
      watcher?.stop();
      sla.stop();
      webhooks.stop();
      await sla.idle();
      await commands.idle();
      await documents.stop();
      joinCache.clear();
      await cluster?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    })());

  const releaseBoard = (documentName: string) => keepLoaded.release(documentName);
  return { url, port, store, clock, hocuspocus, commands, log, sla, webhooks, releaseBoard, close };
}
