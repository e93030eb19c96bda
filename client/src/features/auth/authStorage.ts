import type { SessionUser } from '../../api/types';

export interface AuthSession {
  token: string;
  user: SessionUser;
  /** Epoch milliseconds; null when the server did not say. */
  expiresAt: number | null;
}

const KEY = 'baton.session';

export function toEpochMs(value: number | string | null | undefined): number | null {
  if (typeof value === 'number') return value < 1e12 ? value * 1000 : value;
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

export function loadSession(now = Date.now()): AuthSession | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<AuthSession>;
    if (typeof value.token !== 'string' || !value.user || typeof value.user.id !== 'string') return null;
    const expiresAt = typeof value.expiresAt === 'number' ? value.expiresAt : null;
    if (expiresAt !== null && expiresAt <= now) return null;
    return { token: value.token, user: value.user, expiresAt };
  } catch {
    return null;
  }
}

export function saveSession(session: AuthSession | null): void {
  try {
    if (session) localStorage.setItem(KEY, JSON.stringify(session));
    else localStorage.removeItem(KEY);
  } catch {
    // Private mode without storage: the session lasts as long as the tab.
  }
}
