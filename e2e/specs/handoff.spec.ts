import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardIn } from '../support/board';
import { chromiumAvailable, launchBrowser, openAs, waitForSaved, type UserPage } from '../support/browser';
import { cardIdOf, countDocUpdates, docUpdates, editorOf, forceWrite, openPackPage, paragraphUnder, waitForDoc, watchFor } from '../support/handoff';
import { startServer, type RunningServer } from '../support/server';

const runnable = chromiumAvailable();

describe.skipIf(!runnable)('the handoff pack with sales, product and delivery in three browsers', () => {
  const title = 'Plant-wide SCADA link'; // Li Wei's deal in Negotiation: its pack has the server's template
  let server: RunningServer;
  let browser: Browser;
  let sales: UserPage;
  let product: UserPage;
  let delivery: UserPage;
  let cardId: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    [sales, product, delivery] = await Promise.all([openAs(browser, server.url, 'sales'), openAs(browser, server.url, 'product'), openAs(browser, server.url, 'delivery')]);
    cardId = await cardIdOf(cardIn(sales.page, 'negotiation', title));
  });

  afterAll(async () => {
    const errors = [sales, product, delivery].flatMap((u) => u?.errors ?? []);
    if (errors.length > 0) console.warn(`Browser errors during the run:\n${errors.join('\n')}`);
    await browser?.close();
    await server?.stop();
  });

  it('sales types in the pack and product sees the words and Li Wei’s caret live', async () => {
    await cardIn(sales.page, 'negotiation', title).getByTestId('card-pack').click();
    await waitForDoc(sales.page, 'pack', 'read-write');
    await openPackPage(product.page, server.url, cardId, 'pack');
    await waitForDoc(product.page, 'pack', 'read-write');

    const words = 'Operators log in with a QR code on their phones';
    await paragraphUnder(sales.page, 'pack', 'Meeting notes').click();
    await sales.page.keyboard.type(words);
    await expect.poll(() => editorOf(product.page, 'pack').textContent(), { timeout: 3000 }).toContain(words);
    await product.page.locator('.collaboration-carets__label', { hasText: 'Li Wei' }).waitFor({ timeout: 3000 });
  });

  it('product colours a requirement red and sales’ board card shows the red count within 2 s', async () => {
    await sales.page.getByTestId('back-to-board').click();
    const card = cardIn(sales.page, 'negotiation', title);
    await card.waitFor();
    expect(await card.getByTestId('card-lights-red').count()).toBe(0);

    await product.page.getByTestId('requirements-panel').getByTestId('set-red').first().click();
    await card.getByTestId('card-lights-red').waitFor({ timeout: 2000 });
    expect(await card.getByTestId('card-lights-red').getAttribute('data-count')).toBe('1');
    // Product's own pack shows the colour on the requirement, from the review document.
    await editorOf(product.page, 'pack').locator('.pack-req[data-light="red"]').waitFor({ timeout: 2000 });
  });

  it('delivery types in the plan; sales sees it live but cannot change it, and a forced write is not kept', async () => {
    await openPackPage(delivery.page, server.url, cardId, 'plan');
    await waitForDoc(delivery.page, 'plan', 'read-write');
    await cardIn(sales.page, 'negotiation', title).click();
    await sales.page.getByTestId('card-drawer').getByRole('link', { name: 'Delivery plan' }).click();
    await waitForDoc(sales.page, 'plan', 'readonly');
    await product.page.getByTestId('pack-tab-plan').click();
    await waitForDoc(product.page, 'plan', 'readonly');

    const plan = 'SCADA gateway, MES connector and OEE dashboards';
    await paragraphUnder(delivery.page, 'plan', 'Modules').click();
    await delivery.page.keyboard.type(plan);
    await expect.poll(() => editorOf(sales.page, 'plan').textContent(), { timeout: 3000 }).toContain(plan);

    // Read-only is visible: a note says who can edit, and the text is not an input.
    expect(await sales.page.getByTestId('readonly-note-plan').textContent()).toContain('Only delivery edits the implementation plan');
    expect(await editorOf(sales.page, 'plan').getAttribute('contenteditable')).toBe('false');
    expect(await sales.page.getByTestId('plan-toolbar').count()).toBe(0);

    // Typing does nothing and sends nothing.
    await countDocUpdates(sales.page, 'plan');
    await paragraphUnder(sales.page, 'plan', 'Modules').click();
    await sales.page.keyboard.type('sales was here');
    expect(await editorOf(sales.page, 'plan').textContent()).not.toContain('sales was here');
    expect(await docUpdates(sales.page)).toBe(0);

    // A write forced from the console reaches sales' own copy and the server, which keeps none of it.
    // Sales' copy now holds changes the server refuses: it is thrown away and loaded again, not resent forever.
    const marker = `forged-${Date.now()}`;
    const seenByProduct = await watchFor(product.page, 'plan-editor', marker);
    const seenBySales = await watchFor(sales.page, 'plan-editor', marker);
    await forceWrite(sales.page, 'plan', marker);
    expect(await seenBySales()).toBe(true);
    await expect.poll(() => editorOf(sales.page, 'plan').textContent(), { timeout: 3000 }).not.toContain(marker);
    await expect.poll(() => editorOf(sales.page, 'plan').textContent(), { timeout: 3000 }).toContain(plan);
    await delivery.page.waitForTimeout(1000);
    expect(await seenByProduct()).toBe(false);
    expect(await editorOf(delivery.page, 'plan').textContent()).not.toContain(marker);

    await sales.page.reload();
    await waitForDoc(sales.page, 'plan', 'readonly');
    await expect.poll(() => editorOf(sales.page, 'plan').textContent(), { timeout: 3000 }).toContain(plan);
    expect(await editorOf(sales.page, 'plan').textContent()).not.toContain(marker);
  });

  it('refuses to move the deal to Signed while a requirement is red, and points to the pack', async () => {
    // Submitted for review: the only thing missing for Signed is the red requirement.
    await sales.page.getByTestId('pack-tab-pack').click();
    await waitForDoc(sales.page, 'pack', 'read-write');
    await sales.page.getByTestId('submit-pack').click();
    await sales.page.locator('[data-testid="step-submitted"][data-done="true"]').waitFor({ timeout: 3000 });

    await sales.page.getByTestId('back-to-board').click();
    const card = cardIn(sales.page, 'negotiation', title);
    await card.waitFor();
    await waitForSaved(sales.page);
    await sales.page.getByTestId(`move-menu-${cardId}`).click();
    await sales.page.locator(`[data-testid="move-menu-list-${cardId}"] [data-key="stage-signed"]`).click();
    const dialog = sales.page.getByTestId('gate-dialog');
    await dialog.waitFor({ timeout: 3000 });
    const item = dialog.getByTestId('gate-item-packSubmitted');
    expect(await item.textContent()).toContain('Handoff pack submitted, no red requirement');
    expect(await item.getAttribute('data-met')).toBe('false');
    expect(await dialog.getByTestId('gate-pack-state').textContent()).toContain('1 requirement red');
    expect(await dialog.getByTestId('gate-submit').isDisabled()).toBe(true);

    await dialog.getByTestId('gate-open-pack').click();
    await waitForDoc(sales.page, 'pack', 'read-write');
    expect(new URL(sales.page.url()).pathname).toBe(`/boards/demo/cards/${cardId}/pack`);
    expect(await sales.page.getByTestId('red-left').textContent()).toContain('1 red requirement blocks Signed');
  });

  it('shows all of it on the customer’s timeline, filtered by kind of event', async () => {
    await sales.page.getByTestId('customer-link').click();
    const timeline = sales.page.getByTestId('timeline');
    await timeline.waitFor({ timeout: 5000 });
    expect(await sales.page.getByTestId('customer-name').textContent()).toBe('Jiangsu Steel Works');
    const types = await timeline.locator('[data-event-type]').evaluateAll((items) => items.map((i) => i.getAttribute('data-event-type')));
    for (const type of ['pack.submitted', 'requirement.colored', 'pack.created', 'card.moved']) expect(types).toContain(type);
    expect(types.indexOf('pack.submitted')).toBeLessThan(types.indexOf('requirement.colored')); // newest first

    await sales.page.getByTestId('chip-colours').click();
    await expect.poll(() => timeline.locator('[data-event-type]').count()).toBe(1);
    expect(await timeline.textContent()).toContain('Zhang Min marked a requirement red');
    expect(await timeline.textContent()).toContain('“Connect SCADA to MES; 5-year support”');
  });
});
