/** The epoch of each cached document, so a server-side reset can be detected on `hello`. */
const key = (cacheName: string) => `baton.epoch.${cacheName}`;

export function readCachedEpoch(cacheName: string): string | null {
  try {
    return localStorage.getItem(key(cacheName));
  } catch {
    return null;
  }
}

export function writeCachedEpoch(cacheName: string, epoch: string): void {
  try {
    localStorage.setItem(key(cacheName), epoch);
  } catch {
    // Storage full or disabled: the cache is then simply re-validated on every load.
  }
}

/** How the server last let this user use a cached card document, so it stays editable offline. */
const scopeKey = (cacheName: string) => `baton.scope.${cacheName}`;

export function readCachedScope(cacheName: string): 'read-write' | 'readonly' | null {
  try {
    const value = localStorage.getItem(scopeKey(cacheName));
    return value === 'read-write' || value === 'readonly' ? value : null;
  } catch {
    return null;
  }
}

export function writeCachedScope(cacheName: string, scope: 'read-write' | 'readonly'): void {
  try {
    localStorage.setItem(scopeKey(cacheName), scope);
  } catch {
    // then the document waits for the server to say
  }
}

/** The cached copy was thrown away: its epoch no longer describes anything on this device. */
export function forgetCachedEpoch(cacheName: string): void {
  try {
    localStorage.removeItem(key(cacheName));
  } catch {
    // nothing kept, nothing to forget
  }
}
