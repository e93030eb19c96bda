import { createMiddleware } from 'hono/factory';
import type { Authenticator } from '../auth/authenticator';
import type { ApiEnv } from './env';
import { errorResponse } from './errors';

/** Accepts `Authorization: Bearer <token>`; answers 401 with a reason otherwise. */
export const requireUser = (auth: Authenticator) =>
  createMiddleware<ApiEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = header.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : null;
    const user = await auth.authenticate(token);
    if (!user.ok) return errorResponse(c, user.error);
    c.set('user', user.value);
    await next();
    return undefined;
  });
