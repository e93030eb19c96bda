import type { Store, UserRecord } from '@baton/persistence';
import { ok, refuse, type Result } from '@baton/shared-types';
import { hashPassword, verifyPassword } from './passwords';
import type { TokenService } from './tokens';

export type PublicUser = Omit<UserRecord, 'passwordHash'>;

export const publicUser = ({ passwordHash: _hash, ...user }: UserRecord): PublicUser => user;

/** Logs people in and turns tokens back into users. */
export class Authenticator {
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly store: Store,
    private readonly tokens: TokenService,
  ) {}

  async login(username: string, password: string): Promise<Result<{ token: string; expiresAt: number; user: PublicUser }>> {
    const user = await this.store.getUserByUsername(username.trim().toLowerCase());
    if (!user) {
      // Spend the same time as a real check so response times do not reveal which users exist.
      this.dummyHash ??= hashPassword('not-a-password');
      await verifyPassword(password, await this.dummyHash);
      return refuse('unauthenticated', 'Wrong username or password');
    }
    if (!(await verifyPassword(password, user.passwordHash))) return refuse('unauthenticated', 'Wrong username or password');
    const { token, expiresAt } = await this.tokens.issue(user.id);
    return ok({ token, expiresAt, user: publicUser(user) });
  }

  async authenticate(token: string | null | undefined): Promise<Result<PublicUser>> {
    if (!token) return refuse('unauthenticated', 'Sign in to continue');
    const check = await this.tokens.verify(token);
    if (!check.ok) {
      return refuse('unauthenticated', check.reason === 'expired' ? 'Your session has expired; sign in again' : 'Your session is not valid; sign in again', {
        token: check.reason,
      });
    }
    const user = await this.store.getUser(check.claims.userId);
    if (!user) return refuse('unauthenticated', 'This account no longer exists');
    return ok(publicUser(user));
  }
}
