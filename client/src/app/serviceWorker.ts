import { registerSW } from 'virtual:pwa-register';
import { whenIdle } from '../lib/idle';
import { ValueStore } from '../lib/valueStore';

/** A new build is installed and waits for the user to reload into it. */
export const updateReady = new ValueStore(false);

let update: ((reloadPage?: boolean) => Promise<void>) | null = null;

/** A page that never says it is on screen (see pageShown) still gets its offline shell after this long. */
const FALLBACK_MS = 15_000;

let scheduled: (() => void) | null = null;

/**
 * Registers the service worker once the first page the user came for is on screen and the
 * page is idle (see pageShown), or after FALLBACK_MS. Installing it downloads and stores every
 * built asset; on a first visit that competed with signing in and loading the board for the
 * same CPU (about a second of work on the service-worker and browser threads).
 */
export function startServiceWorkerLater(): void {
  if (scheduled) return;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    clearTimeout(fallback);
    startServiceWorker();
  };
  const fallback = setTimeout(start, FALLBACK_MS);
  scheduled = () => whenIdle(start);
}

/** The page the user came for (e.g. the board with its cards) is on screen: the offline shell may install now. */
export function pageShown(): void {
  scheduled?.();
}

/**
 * Registers the service worker that keeps the app shell offline (production builds only; the
 * dev server has none). Checks for a new build when the tab comes back into view.
 */
function startServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  update = registerSW({
    immediate: true,
    onNeedRefresh: () => updateReady.set(true),
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible' && navigator.onLine) void registration.update().catch(() => undefined);
      });
    },
    onRegisterError: (error: unknown) => console.warn('Baton: the offline app shell could not be installed:', error),
  });
}

/** Switches to the waiting build; the page reloads once it has taken over. */
export function applyUpdate(): void {
  // workbox-window reloads only when the page was already controlled when it loaded; a tab that got
  // its first service worker during this visit must reload itself.
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
  void update?.(true);
}
