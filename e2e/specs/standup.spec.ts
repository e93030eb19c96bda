import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchBrowser, openAs, waitForSaved, type UserPage } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';
import { advanceClock, remainingMs, scrollToCard } from '../support/sla';

const runnable = chromiumAvailable();

describe.skipIf(!runnable)('standup mode with a manager and two reps in three browsers', () => {
  let server: RunningServer;
  let browser: Browser;
  let manager: UserPage;
  let sales: UserPage;
  let sales2: UserPage;
  let everyone: Page[];

  const openStandup = async (page: Page) => {
    await page.getByTestId('standup-button').click();
    await page.getByTestId('standup-lobby').or(page.getByTestId('standup-live')).waitFor();
    await waitForSaved(page);
  };
  const speakers = () => Promise.all(everyone.map((p) => p.getByTestId('standup-speaker').textContent()));

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    [manager, sales, sales2] = await Promise.all([openAs(browser, server.url, 'manager'), openAs(browser, server.url, 'sales'), openAs(browser, server.url, 'sales2')]);
    everyone = [manager.page, sales.page, sales2.page];
  });

  afterAll(async () => {
    const errors = [manager, sales, sales2].flatMap((u) => u?.errors ?? []);
    if (errors.length > 0) console.warn(`Browser errors during the run:\n${errors.join('\n')}`);
    await browser?.close();
    await server?.stop();
  });

  it('the manager starts it; both reps see the same speaker and timers less than 1 s apart', async () => {
    await Promise.all(everyone.map(openStandup));
    await sales.page.getByTestId('standup-waiting').waitFor();
    expect(await sales.page.getByTestId('standup-start').count()).toBe(0);

    await manager.page.getByTestId('standup-start').click();
    await Promise.all(everyone.map((p) => p.getByTestId('standup-timer').waitFor({ timeout: 5000 })));
    // Speakers are the owners of stuck deals by name: Emma Carter before Li Wei.
    expect(await speakers()).toEqual(['Emma Carter', 'Emma Carter', 'Emma Carter']);
    expect(await sales.page.getByTestId('standup-speakers').locator('li').allTextContents()).toEqual([
      expect.stringContaining('Emma Carter'),
      expect.stringContaining('Li Wei'),
    ]);

    for (let sample = 0; sample < 3; sample++) {
      const times = await remainingMs(everyone);
      expect(Math.max(...times) - Math.min(...times)).toBeLessThan(1000);
      for (const ms of times) expect(ms).toBeGreaterThan(60_000);
      await sales.page.waitForTimeout(700);
    }
    // Only the facilitator (a manager) gets the controls.
    expect(await manager.page.getByTestId('standup-controls').count()).toBe(1);
    expect(await sales.page.getByTestId('standup-controls').count()).toBe(0);
  });

  it('reaches 0:00 on every screen when 90 s of server time have passed', async () => {
    await advanceClock(server.url, 90_000);
    for (const page of everyone) {
      await expect.poll(() => page.getByTestId('standup-timer').getAttribute('data-remaining-ms'), { timeout: 3000 }).toBe('0');
      expect(await page.getByTestId('standup-timer-text').textContent()).toBe('0:00');
    }
  });

  it('moves on when the facilitator clicks Next, and everyone follows with a fresh 90 s', async () => {
    await manager.page.getByTestId('standup-next').click();
    await expect.poll(speakers, { timeout: 3000 }).toEqual(['Li Wei', 'Li Wei', 'Li Wei']);
    const times = await remainingMs(everyone);
    expect(Math.max(...times) - Math.min(...times)).toBeLessThan(1000);
    for (const ms of times) expect(ms).toBeGreaterThan(80_000);
    expect(await manager.page.getByTestId('standup-next').isDisabled()).toBe(true); // the last speaker
  });

  it('notes typed under a deal’s three prompts show on the manager’s board card and drawer', async () => {
    const deal = sales.page.locator('[data-testid^="standup-deal-"]').first();
    const cardId = ((await deal.getAttribute('data-testid')) ?? '').replace('standup-deal-', '');
    const stage = (await deal.getAttribute('data-stage')) ?? '';
    // The manager follows on the board in a second tab.
    const board = await manager.context.newPage();
    await board.goto(server.url);
    await board.locator('[data-testid^="card-"]').first().waitFor();
    const card = await scrollToCard(board, stage, cardId);

    const notes = { stuck: 'Waiting for their security review', help: 'Product to call their CISO', today: 'Send the SOC 2 report' };
    // Emma cannot write on Li Wei's deal; Li Wei can.
    expect(await sales2.page.getByTestId(`standup-deal-${cardId}`).getByTestId('prompt-stuck').getAttribute('readonly')).not.toBeNull();
    for (const [prompt, text] of Object.entries(notes)) {
      await deal.getByTestId(`prompt-${prompt}`).fill(text);
    }
    await sales.page.keyboard.press('Tab'); // leaving the last field saves it at once
    await expect.poll(() => deal.getByTestId('prompt-status-today').textContent(), { timeout: 5000 }).toBe('Saved');

    await expect.poll(() => card.getByTestId('card-notes').textContent(), { timeout: 3000 }).toContain(notes.today);
    const onCard = await card.getByTestId('card-notes').textContent();
    expect(onCard).toContain(notes.stuck);
    expect(onCard).toContain(notes.help);
    // Everyone at the standup sees them in the prompts too.
    await expect.poll(() => sales2.page.getByTestId(`standup-deal-${cardId}`).getByTestId('prompt-help').inputValue(), { timeout: 3000 }).toBe(notes.help);

    await card.click();
    const drawer = board.getByTestId('card-drawer');
    await drawer.waitFor();
    expect(await drawer.getByTestId('drawer-note-stuck').textContent()).toBe(notes.stuck);
    expect(await drawer.getByTestId('drawer-note-today').textContent()).toBe(notes.today);
    await board.close();
  });

  it('ends for everyone when the facilitator ends it', async () => {
    await manager.page.getByTestId('standup-end').click();
    await Promise.all(everyone.map((p) => p.getByTestId('standup-lobby').waitFor({ timeout: 3000 })));
    await sales.page.getByTestId('back-to-board').click();
    expect(await sales.page.getByTestId('standup-button').getAttribute('data-live')).toBe('false');
  });
});
