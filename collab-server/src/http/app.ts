import type { Store } from '@baton/persistence';
import { LIMITS } from '@baton/shared-types';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Authenticator } from '../auth/authenticator';
import type { DocAccess } from '../boards/docAccess';
import type { DocumentRegistry } from '../boards/DocumentRegistry';
import type { Directory } from '../boards/directory';
import type { Clock, FakeClock } from '../clock';
import type { CommandService } from '../commands/CommandService';
import type { Logger } from '../log';
import { attachmentRoutes } from './attachmentRoutes';
import { authRoutes } from './authRoutes';
import { epochRoutes } from './epochRoutes';
import { notificationRoutes } from './notificationRoutes';
import { requireUser } from './requireUser';
import { boardRoutes } from './boardRoutes';
import { timelineRoutes } from './timelineRoutes';
import { fail } from './errors';
import { mountClient } from './staticClient';
import { testRoutes } from './testRoutes';

export interface HealthReport {
  ok: boolean;
  store: { kind: string; ok: boolean; error?: string };
  [service: string]: unknown;
}

const UPLOAD_PATH = /^\/api\/boards\/[^/]+\/cards\/[^/]+\/attachments$/;

export interface AppDeps {
  store: Store;
  auth: Authenticator;
  directory: Directory;
  commands: CommandService;
  documents: DocumentRegistry;
  log: Logger;
  demo: boolean;
  demoUsernames: readonly string[];
  fakeClock: FakeClock | null;
  clock: Clock;
  docs: DocAccess;
  /** Database (and, when configured, Redis) state for GET /api/health. */
  health: () => Promise<HealthReport>;
  /** After the fake clock moved: evaluate clocks now and re-sync screens. */
  onClockAdvance: (now: number) => Promise<void>;
  clientDir: string | null;
}

/** The HTTP side of Baton: REST under /api, the built client everywhere else. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.onError((error, c) => {
    deps.log.error('request failed', error, { path: c.req.path });
    return fail(c, 'internal', 'Something went wrong on our side');
  });

  const api = new Hono();
  api.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  const jsonLimit = bodyLimit({
      maxSize: LIMITS.maxHttpJsonBytes,
      onError: (c) => {
        // The unread rest of the body makes the connection unusable (it is dropped after this
        // answer), so tell the client not to send its next request on it.
        c.header('Connection', 'close');
        return fail(c, 'too_large', `Request body is larger than ${LIMITS.maxHttpJsonBytes} bytes`);
      },
    });
  // File uploads have their own, larger limit (see attachmentRoutes); every other body is small JSON.
  api.use('*', (c, next) => (UPLOAD_PATH.test(c.req.path) && c.req.method === 'POST' ? next() : jsonLimit(c, next)));
  api.get('/health', async (c) => {
    const report = await deps.health();
    return c.json(report, report.ok ? 200 : 503);
  });
  api.route('/', authRoutes(deps));
  // Every board route needs a signed-in user; each route then checks membership of its board.
  api.use('/boards/*', requireUser(deps.auth));
  api.use('/boards', requireUser(deps.auth));
  api.use('/notifications/*', requireUser(deps.auth));
  api.use('/notifications', requireUser(deps.auth));
  api.use('/epochs', requireUser(deps.auth));
  api.route('/', epochRoutes(deps));
  api.route('/', notificationRoutes(deps));
  api.route('/boards', attachmentRoutes(deps));
  api.route('/boards', timelineRoutes(deps));
  api.route('/boards', boardRoutes(deps));
  if (deps.fakeClock) api.route('/test', testRoutes(deps.fakeClock, deps.onClockAdvance));
  api.all('*', (c) => fail(c, 'not_found', `No API route ${c.req.method} ${c.req.path}`));

  app.route('/api', api);
  mountClient(app, deps.clientDir);
  return app;
}
