import type { Page } from 'playwright-core';
import { cardIn } from './board';

/**
 * Waits until the service worker has installed the app shell and controls the page, so the page
 * can be reloaded offline. A tab that navigated while the worker was installing (board -> pack
 * page) loaded before the worker's clients.claim() and stays uncontrolled until its next load;
 * such a tab is reloaded once, online, as the user's next visit would.
 */
export async function waitForServiceWorker(page: Page, timeout = 30_000): Promise<void> {
  const controlled = () => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined;
  try {
    await page.waitForFunction(async () => (await navigator.serviceWorker?.getRegistration())?.active?.state === 'activated', undefined, { timeout, polling: 100 });
    if (!(await page.evaluate(controlled))) await page.reload();
    await page.waitForFunction(controlled, undefined, { timeout: 5000 });
  } catch (error) {
    throw new Error(`the service worker did not take control of the page within ${timeout} ms (${await serviceWorkerState(page)})`, { cause: error });
  }
}

/** What the page's service worker registration looks like, for a failure message. */
async function serviceWorkerState(page: Page): Promise<string> {
  return page
    .evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      if (!registration) return 'no registration';
      const state = (w: ServiceWorker | null) => w?.state ?? 'none';
      return `installing: ${state(registration.installing)}, waiting: ${state(registration.waiting)}, active: ${state(registration.active)}`;
    })
    .catch((e: unknown) => `state unknown: ${String(e)}`);
}

/** Waits for the sync badge's state (`offline`, `saved`, `waiting`…). */
export async function waitForBadge(page: Page, state: string, timeout = 15_000): Promise<void> {
  await page.locator(`[data-testid="sync-badge"][data-state="${state}"]`).waitFor({ timeout });
}

/** How many changes the badge says are waiting (commands + documents). */
export async function waitingCount(page: Page): Promise<number> {
  return Number((await page.getByTestId('sync-badge').getAttribute('data-waiting')) ?? 'NaN');
}

/** Moves a card through its "Move to…" menu (no drag, no gate dialog expected). */
export async function moveWithMenu(page: Page, fromStage: string, title: string, toStage: string): Promise<void> {
  const card = cardIn(page, fromStage, title);
  const cardId = ((await card.getAttribute('data-testid')) ?? '').replace(/^card-/, '');
  await page.getByTestId(`move-menu-${cardId}`).click();
  await page.locator(`[data-testid="move-menu-list-${cardId}"] [data-key="stage-${toStage}"]`).click();
  await cardIn(page, toStage, title).waitFor({ timeout: 3000 });
}

/** Creates a deal through the "New deal" dialog. */
export async function createDeal(page: Page, title: string, customer: string): Promise<void> {
  await page.getByTestId('new-card').click();
  const dialog = page.getByTestId('create-card-dialog');
  await dialog.locator('[name="title"]').fill(title);
  await dialog.locator('[name="customer"]').fill(customer);
  await dialog.locator('[name="customer"]').press('Enter');
  await cardIn(page, 'lead', title).waitFor({ timeout: 3000 });
}

/** Sends a command as `username` over HTTP (what another person's browser would do), and returns the answer. */
export async function commandAs(baseUrl: string, username: string, command: Record<string, unknown>): Promise<{ ok: boolean; body: unknown }> {
  const login = await fetch(`${baseUrl}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${baseUrl}/api/boards/demo/commands`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ id: crypto.randomUUID(), ...command }),
  });
  return { ok: res.ok, body: await res.json() };
}

/** The user id of a board member, by username. */
export async function userIdOf(baseUrl: string, username: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
  const { user } = (await login.json()) as { user: { id: string } };
  return user.id;
}
