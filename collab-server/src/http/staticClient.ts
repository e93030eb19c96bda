import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Serves the built client; unknown paths get index.html so client-side routes survive a reload. */
export function mountClient(app: Hono, clientDir: string | null): void {
  const index = clientDir ? path.join(clientDir, 'index.html') : null;
  if (!clientDir || !index || !existsSync(index)) {
    app.get('*', (c) => c.text('The Baton client is not built yet. Run `npm run build` (npm start does it for you).', 503));
    return;
  }
  const root = path.relative(process.cwd(), clientDir) || '.';
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', serveStatic({ root }));
  app.get('*', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(index, 'utf8'));
  });
}
