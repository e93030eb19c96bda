import type { Store } from '@baton/persistence';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Authenticator } from '../auth/authenticator';
import type { ApiEnv } from './env';
import { errorResponse, fail } from './errors';
import { readJson } from './readJson';
import { requireUser } from './requireUser';

const loginSchema = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

export function authRoutes(deps: { store: Store; auth: Authenticator; demo: boolean; demoUsernames: readonly string[] }) {
  const app = new Hono<ApiEnv>();

  app.post('/login', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return fail(c, 'invalid', body.message);
    const parsed = loginSchema.safeParse(body.value);
    if (!parsed.success) return fail(c, 'invalid', 'Send a username and a password');
    const result = await deps.auth.login(parsed.data.username, parsed.data.password);
    return result.ok ? c.json(result.value) : errorResponse(c, result.error);
  });

  app.get('/demo-users', async (c) => {
    if (!deps.demo) return c.json({ demo: false, users: [] });
    const memberships = await deps.store.listMemberships({ boardId: 'demo' });
    const roles = new Map(memberships.map((m) => [m.userId as string, m.role]));
    const users = (await deps.store.listUsers())
      .filter((u) => deps.demoUsernames.includes(u.username))
      .map((u) => ({ username: u.username, displayName: u.displayName, role: roles.get(u.id) ?? null }));
    users.sort((a, b) => deps.demoUsernames.indexOf(a.username) - deps.demoUsernames.indexOf(b.username));
    return c.json({ demo: true, users });
  });

  app.get('/me', requireUser(deps.auth), async (c) => {
    const user = c.get('user');
    const memberships = await deps.store.listMemberships({ userId: user.id });
    const boards = await Promise.all(
      memberships.map(async (m) => ({ id: m.boardId, name: (await deps.store.getBoard(m.boardId))?.name ?? m.boardId, role: m.role })),
    );
    return c.json({ user, boards });
  });

  return app;
}
