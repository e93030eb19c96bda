import type { Store } from '@baton/persistence';
import { canDoOnBoard, type Role, type UserId } from '@baton/shared-types';
import { Hono } from 'hono';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Directory } from '../boards/directory';
import type { Clock } from '../clock';
import { readWebhook, writeWebhook } from '../sla/webhooks';
import type { ApiEnv } from './env';
import { fail } from './errors';
import { readJson } from './readJson';

const readSchema = z.union([z.object({ ids: z.array(z.number().int()).max(1000) }).strict(), z.object({ all: z.literal(true) }).strict()]);
const webhookSchema = z.object({ url: z.url({ protocol: /^https?$/ }).max(2000), secret: z.string().min(16).max(200).optional() }).strict();

/** The signed-in user's notifications, and each board's outgoing webhook (ops/admin). */
export function notificationRoutes(deps: { store: Store; clock: Clock; directory: Directory }) {
  const app = new Hono<ApiEnv>();

  app.get('/notifications', async (c) => {
    const user = c.get('user');
    const unreadOnly = c.req.query('unread') === '1';
    const limit = Math.min(Number(c.req.query('limit') ?? 100) || 100, 500);
    const [notifications, unread] = await Promise.all([
      deps.store.listNotifications(user.id, { unreadOnly, limit }),
      deps.store.countUnreadNotifications(user.id),
    ]);
    return c.json({
      unread,
      notifications: notifications.map(({ id, type, boardId, cardId, at, read, data }) => ({ id, type, boardId, cardId, at, read, data })),
    });
  });

  app.post('/notifications/read', async (c) => {
    const body = await readJson(c);
    const parsed = body.ok ? readSchema.safeParse(body.value) : null;
    if (!parsed?.success) return fail(c, 'invalid', 'Send {"ids": [..]} or {"all": true}');
    const changed = await deps.store.markNotificationsRead(c.get('user').id, 'all' in parsed.data ? 'all' : parsed.data.ids, deps.clock.now());
    return c.json({ changed, unread: await deps.store.countUnreadNotifications(c.get('user').id) });
  });

  const requireConfigurer = async (boardId: string, userId: string) => {
    const role = await deps.directory.roleOn(boardId, userId);
    return role !== null && canDoOnBoard({ userId: userId as UserId, role: role as Role }, 'configureStages').ok;
  };

  app.get('/boards/:boardId/webhook', async (c) => {
    const boardId = c.req.param('boardId');
    if (!(await requireConfigurer(boardId, c.get('user').id))) return fail(c, 'forbidden', 'Only ops and admins manage webhooks');
    const config = await readWebhook(deps.store, boardId);
    return c.json({ webhook: config ? { url: config.url } : null });
  });

  app.put('/boards/:boardId/webhook', async (c) => {
    const boardId = c.req.param('boardId');
    if (!(await requireConfigurer(boardId, c.get('user').id))) return fail(c, 'forbidden', 'Only ops and admins manage webhooks');
    const body = await readJson(c);
    const parsed = body.ok ? webhookSchema.safeParse(body.value) : null;
    if (!parsed?.success) return fail(c, 'invalid', 'Send {"url": "https://…", "secret"?: "at least 16 characters"}');
    const secret = parsed.data.secret ?? randomBytes(24).toString('base64url');
    await writeWebhook(deps.store, boardId, { url: parsed.data.url, secret });
    return c.json({ webhook: { url: parsed.data.url }, secret });
  });

  app.delete('/boards/:boardId/webhook', async (c) => {
    const boardId = c.req.param('boardId');
    if (!(await requireConfigurer(boardId, c.get('user').id))) return fail(c, 'forbidden', 'Only ops and admins manage webhooks');
    await writeWebhook(deps.store, boardId, null);
    return c.json({ webhook: null });
  });

  return app;
}
