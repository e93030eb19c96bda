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
