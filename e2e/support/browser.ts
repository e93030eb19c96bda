import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Whether the e2e specs can run here. Without Chromium they are skipped with a printed
 * reason, except on CI (CI=true), where a missing browser is a failure.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI === 'true') throw new Error(`Chromium not found at ${CHROMIUM_PATH}; the e2e specs need it on CI.`);
  console.warn(`Skipping e2e specs: Chromium not found at ${CHROMIUM_PATH}.`);
  return false;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface UserPage {
  context: BrowserContext;
  page: Page;
  /** Browser console errors and page errors, for assertions and failure messages. */
  errors: string[];
}

/** A fresh browser context (its own storage), signed in as `username` on the board page. */
/** `prepare` runs on the new context before the first page loads (e.g. to route requests). */
export async function openAs(browser: Browser, baseUrl: string, username: string, prepare?: (context: BrowserContext) => Promise<unknown>): Promise<UserPage> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'en-US' });
  await prepare?.(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(baseUrl);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('demo');
  await page.getByTestId('login-submit').click();
  await page.locator('[data-testid^="card-"]').first().waitFor({ timeout: 20_000 });
  await waitForSaved(page);
  return { context, page, errors };
}

/** Waits until the sync badge says everything is saved (connected, synced, empty outbox). */
export async function waitForSaved(page: Page, timeout = 15_000): Promise<void> {
  await page.locator('[data-testid="sync-badge"][data-state="saved"]').waitFor({ timeout });
}
