/**
 * The last answer of a few GETs the app cannot work without (who am I, my boards, my role
 * and the members of a board), kept in localStorage per token, so that after a reload with no
 * network the board still knows the user's role and names. Everything else is fetched live
 * and says "not available offline" instead.
 */
const KEPT = [/^\/api\/me$/, /^\/api\/boards\/[^/?]+$/];
const key = (path: string) => `baton.offline.${path}`;

export const keepsOfflineCopy = (path: string): boolean => KEPT.some((re) => re.test(path));

export function saveOfflineCopy(path: string, token: string | null, data: unknown): void {
  if (!keepsOfflineCopy(path)) return;
  try {
    localStorage.setItem(key(path), JSON.stringify({ token, data }));
  } catch {
    // not kept: offline, this answer is simply missing
  }
}

export function readOfflineCopy<T>(path: string, token: string | null): T | undefined {
  if (!keepsOfflineCopy(path)) return undefined;
  try {
    const raw = localStorage.getItem(key(path));
    const stored = raw ? (JSON.parse(raw) as { token?: unknown; data?: T }) : null;
    return stored && stored.token === token ? stored.data : undefined;
  } catch {
    return undefined;
  }
}
