import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchBrowser, openAs } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';

const runnable = chromiumAvailable();

/** In the page: whether an offline copy of a board holds more than an empty document. */
async function boardCached(): Promise<boolean> {
  const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.includes(':board:'));
  for (const name of names) {
    const rows = await new Promise<unknown[]>((resolve) => {
      const open = indexedDB.open(name);
      open.onerror = () => resolve([]);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('updates')) return resolve([]);
        const all = db.transaction('updates').objectStore('updates').getAll();
        all.onsuccess = () => resolve(all.result);
        all.onerror = () => resolve([]);
      };
    });
    if (rows.some((r) => r instanceof Uint8Array && r.byteLength > 1000)) return true;
  }
  return false;
}

describe.skipIf(!runnable)('the local board cache', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the last board state on reload before the live connection answers', async () => {
    const { context, page } = await openAs(browser, server.url, 'manager');
    const cards = await page.locator('[data-card-title]').count();
    // A first visit keeps the board as the server sent it, written by a worker once the page is idle.
    await page.waitForFunction(boardCached, undefined, { timeout: 10_000 });
    // The live connection never answers now (HTTP still works).
    await page.routeWebSocket(/\/collab/, () => {});
    await page.reload();
    await page.locator('[data-card-title="Core banking add-on"]').waitFor({ timeout: 5000 });
    expect(await page.locator('[data-card-title]').count()).toBe(cards);
    expect(await page.getByTestId('sync-badge').getAttribute('data-state')).not.toBe('saved');
    await context.close();
  });

  it('keeps the first copy where the worker that writes it cannot start: the page writes it', async () => {
    const { context, page } = await openAs(browser, server.url, 'sales', (c) => c.route(/cacheWriter\.worker/, (route) => route.abort()));
    const cards = await page.locator('[data-card-title]').count();
    await page.waitForFunction(boardCached, undefined, { timeout: 10_000 });
    await page.routeWebSocket(/\/collab/, () => {});
    await page.reload();
    await page.locator('[data-card-title]').first().waitFor({ timeout: 5000 });
    expect(await page.locator('[data-card-title]').count()).toBe(cards);
    await context.close();
  });

  it('throws the cache away when the server says the document has another epoch', async () => {
    const { context, page } = await openAs(browser, server.url, 'manager');
    const logs: string[] = [];
    page.on('console', (m) => logs.push(m.text()));
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('baton.epoch.')) localStorage.setItem(key, 'an-older-epoch');
    });
    await page.reload();
    await page.locator('[data-testid="sync-badge"][data-state="saved"]').waitFor({ timeout: 15_000 });
    expect(logs.some((l) => l.includes('was reset on the server'))).toBe(true);
    await page.locator('[data-card-title="Core banking add-on"]').waitFor({ timeout: 5000 });
    const stored = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('baton.epoch.')).map(([, v]) => v));
    expect(stored).not.toContain('an-older-epoch');
    await context.close();
  });
});
