import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardByTitle, cardIn, columnTitles, dragWithMouse, pointInColumn } from '../support/board';
import { chromiumAvailable, launchBrowser, openAs, waitForSaved, type UserPage } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';

const runnable = chromiumAvailable();

describe.skipIf(!runnable)('the pipeline board with two people on it', () => {
  let server: RunningServer;
  let browser: Browser;
  let manager: UserPage;
  let rep: UserPage;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    manager = await openAs(browser, server.url, 'manager');
    rep = await openAs(browser, server.url, 'sales2');
  });

  afterAll(async () => {
    const errors = [...(manager?.errors ?? []), ...(rep?.errors ?? [])];
    if (errors.length > 0) console.warn(`Browser errors during the run:\n${errors.join('\n')}`);
    await browser?.close();
    await server?.stop();
  });

  it("shows a card dragged with the mouse in the other person's browser within 2 s", async () => {
    const title = 'Supplier portal'; // Solution demo, with an amount: Quote's gate is met
    await cardIn(manager.page, 'solution_demo', title).waitFor();
    await cardIn(rep.page, 'solution_demo', title).waitFor();

    await dragWithMouse(manager.page, cardIn(manager.page, 'solution_demo', title), () => pointInColumn(manager.page, 'quote', 30));

    await cardIn(manager.page, 'quote', title).waitFor({ timeout: 2000 });
    await cardIn(rep.page, 'quote', title).waitFor({ timeout: 2000 });
    expect(await cardIn(rep.page, 'solution_demo', title).count()).toBe(0);
    expect((await columnTitles(rep.page, 'quote'))[0]).toBe(title);
    await waitForSaved(manager.page);
  });

  it('moves a card with the keyboard only (Space, arrows, Space) and the other browser sees it', async () => {
    const title = 'Loan origination';
    const card = cardIn(manager.page, 'solution_demo', title);
    await card.focus();
    await manager.page.keyboard.press('Space');
    await manager.page.waitForTimeout(150);
    await manager.page.keyboard.press('ArrowRight');
    await manager.page.waitForTimeout(300);
    await manager.page.keyboard.press('Space');

    await cardIn(manager.page, 'quote', title).waitFor({ timeout: 2000 });
    await cardIn(rep.page, 'quote', title).waitFor({ timeout: 2000 });
    expect(await cardIn(rep.page, 'solution_demo', title).count()).toBe(0);
    await waitForSaved(manager.page);
  });

  it('shows the same board after a reload', async () => {
    const stages = ['lead', 'needs_confirmed', 'solution_demo', 'quote', 'negotiation', 'signed'];
    const before = await Promise.all(stages.map((s) => columnTitles(manager.page, s)));
    await manager.page.reload();
    await manager.page.locator('[data-testid^="card-"]').first().waitFor();
    await waitForSaved(manager.page);
    const after = await Promise.all(stages.map((s) => columnTitles(manager.page, s)));
    expect(after).toEqual(before);
    expect(after[3]?.[0]).toBe('Supplier portal');
    expect(after[3]).toContain('Loan origination');
    // And the other browser agrees.
    expect(await Promise.all(stages.map((s) => columnTitles(rep.page, s)))).toEqual(before);
  });

  it("does not let a sales rep move a colleague's card, and says why", async () => {
    const title = 'Smart factory phase 2'; // owned by Li Wei (sales), seen by Emma Carter (sales2)
    const card = cardIn(rep.page, 'quote', title);
    await card.waitFor();
    const cardId = (await card.getAttribute('data-testid'))?.replace('card-', '') ?? '';

    // Dragging does nothing.
    await dragWithMouse(rep.page, card, () => pointInColumn(rep.page, 'negotiation', 30));
    await rep.page.waitForTimeout(500);
    expect(await cardIn(rep.page, 'quote', title).count()).toBe(1);
    expect(await cardIn(rep.page, 'negotiation', title).count()).toBe(0);

    // The Move to… menu explains, and its targets are disabled.
    await rep.page.getByTestId(`move-menu-${cardId}`).click();
    const refusal = rep.page.getByTestId('move-refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('only your own deals');
    const target = rep.page.locator(`[data-testid="move-menu-list-${cardId}"] [data-key="stage-negotiation"]`);
    expect(await target.getAttribute('aria-disabled')).toBe('true');
    await target.click({ force: true });
    await rep.page.keyboard.press('Escape');
    expect(await cardIn(rep.page, 'quote', title).count()).toBe(1);
    await waitForSaved(rep.page);
  });

  it('keeps a change made offline, sends it on reconnect, and explains a refusal in words', async () => {
    const title = 'Kiosk ordering'; // owned by Emma Carter (sales2), in Quote
    await cardIn(rep.page, 'quote', title).waitFor();
    await rep.context.setOffline(true);
    await rep.page.locator('[data-testid="sync-badge"][data-state="offline"]').waitFor({ timeout: 5000 });

    // Meanwhile the manager archives the card.
    await cardIn(manager.page, 'quote', title).click();
    await manager.page.getByTestId('archive-card').click();
    await manager.page.keyboard.press('Escape');
    await waitForSaved(manager.page);

    // The rep, still offline, moves it back a stage: a backward move asks why first.
    const cardId = ((await cardIn(rep.page, 'quote', title).getAttribute('data-testid')) ?? '').replace('card-', '');
    await rep.page.getByTestId(`move-menu-${cardId}`).click();
    await rep.page.locator(`[data-testid="move-menu-list-${cardId}"] [data-key="stage-solution_demo"]`).click();
    await rep.page.getByTestId('move-reason-input').fill('Customer wants a second demo for their IT team');
    await rep.page.getByTestId('move-reason-submit').click();

    // It shows at once in its new column, marked pending, and waits.
    const pending = cardIn(rep.page, 'solution_demo', title);
    await pending.waitFor({ timeout: 2000 });
    expect(await pending.getAttribute('data-pending')).toBe('true');
    expect(await rep.page.getByTestId('sync-badge').textContent()).toContain('1 change waiting');

    // Back online: the server refuses (the card was archived), and the rep is told why.
    await rep.context.setOffline(false);
    const toast = rep.page.getByTestId('toast').filter({ hasText: title });
    await toast.waitFor({ timeout: 15_000 });
    const text = (await toast.textContent()) ?? '';
    expect(text).toContain(`Move of “${title}” to Solution demo was refused`);
    expect(text).toContain('archived');
    await waitForSaved(rep.page);
    expect(await cardByTitle(rep.page, title).count()).toBe(0);
    await rep.page.getByTestId('rejections-button').click();
    expect(await rep.page.getByTestId('rejection-item').count()).toBeGreaterThan(0);
    await rep.page.keyboard.press('Escape');
  });

  it('asks for what the stage gate lacks, sends nothing on Escape, and moves with the value typed in the dialog', async () => {
    const title = 'Cross-dock WMS'; // Quote, no decision maker yet; Negotiation needs one
    const { page } = manager;
    const drop = async () => {
      await dragWithMouse(page, cardIn(page, 'quote', title), () => pointInColumn(page, 'negotiation', 30));
      await page.getByTestId('gate-dialog').waitFor({ timeout: 3000 });
    };
    await drop();
    expect(await page.getByTestId('gate-item-decisionMaker').textContent()).toContain('Decision maker');
    await page.keyboard.press('Escape');
    await page.getByTestId('gate-dialog').waitFor({ state: 'detached' });
    expect(await cardIn(page, 'quote', title).count()).toBe(1);
    await waitForSaved(page);

    await drop();
    await page.getByTestId('gate-field-decisionMaker').fill('Head of logistics Ma Rui');
    await page.getByTestId('gate-submit').click();
    await cardIn(page, 'negotiation', title).waitFor({ timeout: 2000 });
    await cardIn(rep.page, 'negotiation', title).waitFor({ timeout: 2000 });
    await waitForSaved(page);
    await cardIn(page, 'negotiation', title).click();
    await expect.poll(() => page.getByTestId('card-drawer').locator('[name="decisionMaker"]').inputValue(), { timeout: 3000 }).toBe('Head of logistics Ma Rui');
    await page.keyboard.press('Escape');
  });

  it("lets a manager override Signed's handoff-pack gate with a reason", async () => {
    const title = 'Core banking add-on'; // Negotiation, no handoff pack submitted
    const { page } = manager;
    await dragWithMouse(page, cardIn(page, 'negotiation', title), () => pointInColumn(page, 'signed', 30));
    await page.getByTestId('gate-dialog').waitFor({ timeout: 3000 });
    expect(await page.getByTestId('gate-submit').isDisabled()).toBe(true);
    await page.getByTestId('gate-override').check();
    await page.getByTestId('move-reason-input').fill('Signed on paper today; the pack follows tomorrow');
    await page.getByTestId('gate-submit').click();
    await cardIn(page, 'signed', title).waitFor({ timeout: 2000 });
    await cardIn(rep.page, 'signed', title).waitFor({ timeout: 2000 });
    await waitForSaved(page);
  });

  it('creates a deal and edits it in the drawer; the other browser sees both', async () => {
    const title = `Pilot ${Date.now()}`;
    await rep.page.getByTestId('new-card').click();
    const dialog = rep.page.getByTestId('create-card-dialog');
    await dialog.locator('[name="title"]').fill(title);
    await dialog.locator('[name="customer"]').fill('Acme Robotics');
    await dialog.locator('[name="amount"]').fill('125000');
    await dialog.locator('[name="customer"]').press('Enter');
    await cardIn(rep.page, 'lead', title).waitFor({ timeout: 2000 });
    await cardIn(manager.page, 'lead', title).waitFor({ timeout: 3000 });

    await cardIn(manager.page, 'lead', title).click();
    const drawer = manager.page.getByTestId('card-drawer');
    await drawer.locator('[name="nextStep"]').fill('Book the kick-off call');
    await drawer.getByTestId('save-card').click();
    await manager.page.keyboard.press('Escape');
    await waitForSaved(manager.page);
    await cardIn(rep.page, 'lead', title).click();
    await expect.poll(() => rep.page.getByTestId('card-drawer').locator('[name="nextStep"]').inputValue(), { timeout: 3000 }).toBe('Book the kick-off call');
    await rep.page.getByRole('tab', { name: 'History' }).click();
    await rep.page.getByTestId('card-history').waitFor();
    expect(await rep.page.getByTestId('card-history').textContent()).toContain('Chen Jing');
    await rep.page.keyboard.press('Escape');
  });
});
