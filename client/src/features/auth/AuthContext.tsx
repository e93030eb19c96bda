import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onUnauthorized } from '../../api/http';
import type { LoginResponse } from '../../api/types';
import { closeAppNetwork } from '../../sync/appNetwork';
import { loadSession, saveSession, toEpochMs, type AuthSession } from './authStorage';

interface AuthContextValue {
  session: AuthSession | null;
  /** Why the user was signed out without asking (expired token), for the login screen. */
  signedOutReason: 'expired' | null;
  login(username: string, password: string): Promise<void>;
  logout(reason?: 'expired'): void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<AuthSession | null>(() => loadSession());
  const [signedOutReason, setSignedOutReason] = useState<'expired' | null>(null);

  const logout = useCallback((reason?: 'expired') => {
    saveSession(null);
    closeAppNetwork();
    setSignedOutReason(reason ?? null);
    setSession(null);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const res = await api<LoginResponse>('/api/login', { method: 'POST', body: { username, password } });
    const next: AuthSession = { token: res.token, user: res.user, expiresAt: toEpochMs(res.expiresAt) };
    saveSession(next);
    setSignedOutReason(null);
    setSession(next);
  }, []);

  useEffect(() => {
    onUnauthorized(() => logout('expired'));
    return () => onUnauthorized(null);
  }, [logout]);

  // Sign out when the token expires while the tab stays open.
  useEffect(() => {
    if (!session?.expiresAt) return;
    const ms = session.expiresAt - Date.now();
    const timer = setTimeout(() => logout('expired'), Math.max(0, Math.min(ms, 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [session, logout]);

  const value = useMemo(() => ({ session, signedOutReason, login, logout }), [session, signedOutReason, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in session; only for components rendered behind the login screen. */
export function useSession(): AuthSession {
  const { session } = useAuth();
  if (!session) throw new Error('useSession needs a signed-in user');
  return session;
}
