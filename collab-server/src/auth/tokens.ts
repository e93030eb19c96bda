import { errors, jwtVerify, SignJWT } from 'jose';
import type { Clock } from '../clock';

export interface TokenClaims {
  userId: string;
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'expired' | 'invalid' };

const ISSUER = 'baton';

/** Signs and checks login tokens (HS256 JWT). Expiry is judged by the injected clock. */
export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(userId: string): Promise<{ token: string; expiresAt: number }> {
    const now = this.clock.now();
    const expiresAt = now + this.ttlMs;
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setIssuedAt(Math.floor(now / 1000))
      .setExpirationTime(Math.floor(expiresAt / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  async verify(token: string): Promise<TokenCheck> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 4096) return { ok: false, reason: 'invalid' };
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        algorithms: ['HS256'],
        currentDate: new Date(this.clock.now()),
      });
      if (typeof payload.sub !== 'string' || payload.sub.length === 0) return { ok: false, reason: 'invalid' };
      return { ok: true, claims: { userId: payload.sub } };
    } catch (error) {
      return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
    }
  }
}
