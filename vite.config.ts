import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const serverPort = Number(process.env.PORT ?? 8080);

/** Builds and serves `client/`. In dev, API and websocket calls go to the Baton server. */
export default defineConfig({
  root: 'client',
  plugins: [
    react(),
    // The service worker precaches the app shell and every built asset, so Baton opens and
    // reloads with no network (the data comes from IndexedDB). It never caches /api or /collab:
    // those always go to the network. A new build waits until the user accepts the
    // "new version" prompt (registerType 'prompt'), then takes over all tabs.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff2}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/collab/],
        runtimeCaching: [],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
    }),
  ],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: {
    port: 5173,
    proxy: {
      '/api': `http://127.0.0.1:${serverPort}`,
      '/collab': { target: `ws://127.0.0.1:${serverPort}`, ws: true },
    },
  },
});
