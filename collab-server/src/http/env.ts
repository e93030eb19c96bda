import type { PublicUser } from '../auth/authenticator';

/** Hono environment of Baton's API: authenticated routes see the user. */
export interface ApiEnv {
  Variables: { user: PublicUser };
}
