import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardByTitle, cardIn } from '../support/board';
import { chromiumAvailable, launchBrowser, openAs, waitForSaved, type UserPage } from '../support/browser';
import { cardIdOf, editorOf, openPackPage, paragraphUnder, waitForDoc } from '../support/handoff';
import { commandAs, createDeal, moveWithMenu, userIdOf, waitForBadge, waitForServiceWorker, waitingCount } from '../support/offline';
import { startServer, type RunningServer } from '../support/server';

const runnable = chromiumAvailable();

describe.skipIf(!runnable)('working offline: a sales rep changes things with no network, reloads, and reconnects', () => {
  // Li Wei's deals in Solution demo (each has an amount, so Quote's gate is met) and one in Negotiation with a pack.
  const moved = ['Supplier portal', 'Loan origination', 'Student analytics'];
  const archivedMeanwhile = 'Student analytics';
  const packDeal = 'Plant-wide SCADA link';
  let server: RunningServer;
  let browser: Browser;
  let rep: UserPage;
  let manager: UserPage;
  let packCardId: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    [rep, manager] = await Promise.all([openAs(browser, server.url, 'sales'), openAs(browser, server.url, 'manager')]);
    packCardId = await cardIdOf(cardIn(rep.page, 'negotiation', packDeal));
  });

  afterAll(async () => {
    const errors = [...(rep?.errors ?? []), ...(manager?.errors ?? [])].filter((e) => !e.includes('ERR_INTERNET_DISCONNECTED'));
    if (errors.length > 0) console.warn(`Browser errors during the run:\n${errors.join('\n')}`);
    await browser?.close();
    await server?.stop();
  });

  it('keeps moves, a new deal and pack text through an offline reload, sends them on reconnect, and lists the move that became invalid', async () => {
    const { page, context } = rep;
    const newDeal = `Offline deal ${Date.now()}`;
    const words = `Typed offline ${Date.now()}: operators want QR-code login`;

    // The pack has been opened on this device once (so its copy is here), and the app shell is installed.
    await openPackPage(page, server.url, packCardId, 'pack');
    await waitForDoc(page, 'pack', 'read-write');
    await page.getByTestId('back-to-board').click();
    await cardIn(page, 'solution_demo', moved[0] as string).waitFor();
    await waitForServiceWorker(page);
    await waitForSaved(page);

    await context.setOffline(true);
    await waitForBadge(page, 'offline', 5000);

    for (const title of moved) await moveWithMenu(page, 'solution_demo', title, 'quote');
    for (const title of moved) expect(await cardIn(page, 'quote', title).getAttribute('data-pending')).toBe('true');

    // Meanwhile the manager archives one of the deals the rep just moved.
    await cardIn(manager.page, 'solution_demo', archivedMeanwhile).click();
    await manager.page.getByTestId('archive-card').click();
    await manager.page.keyboard.press('Escape');
    await waitForSaved(manager.page);

    await createDeal(page, newDeal, 'Acme Robotics');
    expect(await cardIn(page, 'lead', newDeal).getAttribute('data-pending')).toBe('true');

    await cardIn(page, 'negotiation', packDeal).getByTestId('card-pack').click();
    await waitForDoc(page, 'pack', 'read-write');
    await paragraphUnder(page, 'pack', 'Meeting notes').click();
    await page.keyboard.type(words);
    await expect.poll(() => waitingCount(page)).toBe(moved.length + 2); // 3 moves, 1 new deal, 1 document
    await page.waitForTimeout(500); // IndexedDB writes are asynchronous

    // A reload with no network: the service worker serves the app, IndexedDB the rest.
    await page.reload();
    await waitForDoc(page, 'pack', 'read-write');
    await expect.poll(() => editorOf(page, 'pack').textContent(), { timeout: 5000 }).toContain(words);
    await waitForBadge(page, 'offline');
    await page.getByTestId('back-to-board').click();
    for (const title of moved) await cardIn(page, 'quote', title).waitFor({ timeout: 5000 });
    await cardIn(page, 'lead', newDeal).waitFor({ timeout: 5000 });
    expect(await cardIn(page, 'lead', newDeal).getAttribute('data-pending')).toBe('true');
    expect(await waitingCount(page)).toBe(moved.length + 2);

    // Back online: the manager sees every change within 5 s.
    await context.setOffline(false);
    const seen = { timeout: 5000 };
    for (const title of moved.filter((t) => t !== archivedMeanwhile)) await cardIn(manager.page, 'quote', title).waitFor(seen);
    await cardIn(manager.page, 'lead', newDeal).waitFor(seen);
    await openPackPage(manager.page, server.url, packCardId, 'pack');
    await waitForDoc(manager.page, 'pack', 'read-write');
    await expect.poll(() => editorOf(manager.page, 'pack').textContent(), seen).toContain(words);

    // The move of the archived deal was refused: the rep's "changes not applied" list says which and why.
    const button = page.getByTestId('rejections-button');
    await button.waitFor({ timeout: 10_000 });
    await waitForSaved(page);
    expect(await cardByTitle(page, archivedMeanwhile).count()).toBe(0);
    await button.click();
    const item = page.getByTestId('rejection-item').filter({ hasText: archivedMeanwhile });
    await item.waitFor();
    const text = (await item.textContent()) ?? '';
    expect(text).toContain(`Move of “${archivedMeanwhile}” to Quote was refused`);
    expect(text).toContain('archived');
    expect(await item.getByTestId('rejection-redo').count()).toBe(0); // an archived deal cannot be moved again
    expect(await page.getByTestId('rejection-item').count()).toBe(1);
    await page.keyboard.press('Escape');

    // The service worker keeps the app shell only: no API answer and no websocket traffic is cached.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls;
    });
    expect(cached).toContain('/index.html');
    expect(cached.filter((u) => u.startsWith('/api') || u.startsWith('/collab'))).toEqual([]);

    // The list is kept on this device: still there after a reload, until dismissed.
    await page.reload();
    await page.getByTestId('rejections-button').click();
    await page.getByTestId('rejection-item').filter({ hasText: archivedMeanwhile }).getByTestId('rejection-dismiss').click();
    await page.getByTestId('rejection-item').waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await waitForSaved(page);
  });

  it('drops offline edits to a pack the rep may no longer write, with a notice, instead of resending them', async () => {
    const { page, context } = rep;
    const deal = 'Store staffing planner'; // Li Wei's, in Negotiation: he writes its pack until it is reassigned
    const cardId = await cardIdOf(cardIn(page, 'negotiation', deal));
    const words = `Not to be kept ${Date.now()}`;
    await openPackPage(page, server.url, cardId, 'pack');
    await waitForDoc(page, 'pack', 'read-write');
    await waitForSaved(page);

    await context.setOffline(true);
    await waitForBadge(page, 'offline', 5000);
    await paragraphUnder(page, 'pack', 'Meeting notes').click();
    await page.keyboard.type(words);
    await expect.poll(() => waitingCount(page)).toBe(1);

    // Meanwhile the manager gives the deal to Emma Carter: Li Wei may only read its pack now.
    const answer = await commandAs(server.url, 'manager', { type: 'updateCard', cardId, fields: { ownerId: await userIdOf(server.url, 'sales2') } });
    expect(answer.ok).toBe(true);

    await context.setOffline(false);
    const notice = page.getByTestId('toast').filter({ hasText: 'were not kept' });
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toContain(`Your offline edits to the handoff pack of “${deal}” were not kept`);
    await waitForDoc(page, 'pack', 'readonly');
    await expect.poll(() => editorOf(page, 'pack').textContent(), { timeout: 5000 }).not.toContain(words);
    await waitForSaved(page);
    expect(await waitingCount(page)).toBe(0);

    // Nothing of it comes back after a reload (the cached copy was replaced), and nobody else ever saw it.
    await page.reload();
    await waitForDoc(page, 'pack', 'readonly');
    await waitForSaved(page);
    expect(await editorOf(page, 'pack').textContent()).not.toContain(words);
    await openPackPage(manager.page, server.url, cardId, 'pack');
    await waitForDoc(manager.page, 'pack', 'read-write');
    expect(await editorOf(manager.page, 'pack').textContent()).not.toContain(words);
  });

  it('throws away a cached pack whose epoch differs from the server’s instead of merging it', async () => {
    const { page, context } = rep;
    const deal = 'Core banking add-on'; // Li Wei's, in Negotiation
    await manager.page.getByTestId('back-to-board').click();
    const cardId = await cardIdOf(cardIn(manager.page, 'negotiation', deal));
    const words = `From another epoch ${Date.now()}`;
    await openPackPage(page, server.url, cardId, 'pack');
    await waitForDoc(page, 'pack', 'read-write');
    await waitForSaved(page);

    await context.setOffline(true);
    await waitForBadge(page, 'offline', 5000);
    await paragraphUnder(page, 'pack', 'Meeting notes').click();
    await page.keyboard.type(words);
    await expect.poll(() => editorOf(page, 'pack').textContent()).toContain(words);
    await page.waitForTimeout(500); // IndexedDB writes are asynchronous: let the last keystrokes land before the reload
    // As if the server had been restored from a backup meanwhile: this device's copy is of another epoch.
    await page.evaluate((name) => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('baton.epoch.') && key.endsWith(name)) localStorage.setItem(key, 'an-older-epoch');
    }, `pack:${cardId}`);
    await page.reload();
    await waitForDoc(page, 'pack', 'read-write');
    expect(await editorOf(page, 'pack').textContent()).toContain(words);

    await context.setOffline(false);
    await page.getByTestId('toast').filter({ hasText: 'the server’s copy was restored' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => editorOf(page, 'pack').textContent(), { timeout: 5000 }).not.toContain(words);
    await waitForSaved(page);
    await openPackPage(manager.page, server.url, cardId, 'pack');
    await waitForDoc(manager.page, 'pack', 'read-write');
    await manager.page.waitForTimeout(500);
    expect(await editorOf(manager.page, 'pack').textContent()).not.toContain(words);
  });
});
