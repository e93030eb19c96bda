import { registerSW } from 'virtual:pwa-register';
import { ValueStore } from '../lib/valueStore';

/** A new build is installed and waits for the user to reload into it. */
export const updateReady = new ValueStore(false);

let update: ((reloadPage?: boolean) => Promise<void>) | null = null;

/**
 * Registers the service worker that keeps the app shell offline (production builds only; the
 * dev server has none). Checks for a new build when the tab comes back into view.
 */
export function startServiceWorker(): void {
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
