import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardIn, dragWithMouse, pointInColumn } from '../support/board';
import { chromiumAvailable, launchBrowser, openAs, waitForSaved, type UserPage } from '../support/browser';
import { startServer, type RunningServer } from '../support/server';

const runnable = chromiumAvailable();

describe.skipIf(!runnable)('stage gates, backward moves and the stage editor in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let sales: UserPage;
  let manager: UserPage;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    sales = await openAs(browser, server.url, 'sales');
    manager = await openAs(browser, server.url, 'manager');
  });

  afterAll(async () => {
    const errors = [...(sales?.errors ?? []), ...(manager?.errors ?? [])];
    if (errors.length > 0) console.warn(`Browser errors during the run:\n${errors.join('\n')}`);
    await browser?.close();
    await server?.stop();
  });

  it('asks for the missing files on a drop into a gated column, uploads them and moves the card as one command', async () => {
    const title = 'Warehouse IoT sensors'; // Li Wei's deal in Needs confirmed, no files yet
    const { page } = sales;
    await dragWithMouse(page, cardIn(page, 'needs_confirmed', title), () => pointInColumn(page, 'solution_demo', 30));

    const dialog = page.getByTestId('gate-dialog');
    await dialog.waitFor({ timeout: 3000 });
    expect(await dialog.locator('.dialog-title').textContent()).toBe('Move to Solution demo');
    const items = await dialog.locator('[data-testid^="gate-item-"]').allTextContents();
    expect(items).toHaveLength(2);
    expect(items[0]).toContain('Customer pain-point list');
    expect(items[1]).toContain('Competitor comparison');
    const move = page.getByTestId('gate-submit');
    expect(await move.isDisabled()).toBe(true);
    // Nothing was sent: the card is still where it was.
    expect(await cardIn(page, 'needs_confirmed', title).count()).toBe(1);

    await page.getByTestId('gate-file-pain_points').setInputFiles({ name: 'pain-points.txt', mimeType: 'text/plain', buffer: Buffer.from('Alerts are late; pickers share one scanner.') });
    await page.getByTestId('gate-file-pain_points-done').waitFor({ timeout: 5000 });
    expect(await move.isDisabled()).toBe(true);
    await page.getByTestId('gate-file-competitor_comparison').setInputFiles({ name: 'comparison.csv', mimeType: 'text/csv', buffer: Buffer.from('vendor,price\nus,1\nthem,2\n') });
    await page.getByTestId('gate-file-competitor_comparison-done').waitFor({ timeout: 5000 });
    expect(await dialog.locator('[data-met="true"]').count()).toBe(2);

    await move.click();
    await dialog.waitFor({ state: 'detached', timeout: 5000 });
    await cardIn(page, 'solution_demo', title).waitFor({ timeout: 2000 });
    await cardIn(manager.page, 'solution_demo', title).waitFor({ timeout: 2000 });
    expect(await cardIn(manager.page, 'needs_confirmed', title).count()).toBe(0);
    await waitForSaved(page);
  });

  it('refuses an upload of a type the server does not accept, in words, without closing the dialog', async () => {
    const { page } = sales;
    const title = 'Route optimisation';
    const card = cardIn(page, 'needs_confirmed', title);
    const id = ((await card.getAttribute('data-testid')) ?? '').replace('card-', '');
    await page.getByTestId(`move-menu-${id}`).click();
    await page.locator(`[data-testid="move-menu-list-${id}"] [data-key="stage-solution_demo"]`).click();
    await page.getByTestId('gate-dialog').waitFor();
    await page.getByTestId('gate-file-pain_points').setInputFiles({ name: 'tool.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
    const error = page.locator('[data-testid="gate-item-pain_points"] .file-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('is not a type Baton accepts');
    await page.getByTestId('move-cancel').click();
    await page.getByTestId('gate-dialog').waitFor({ state: 'detached' });
    expect(await card.count()).toBe(1);
  });

  it('asks why on a backward drag; Cancel keeps the card, an empty reason cannot be sent, and the server refuses one without', async () => {
    const title = 'Supplier portal'; // Li Wei's deal in Solution demo
    const { page } = sales;
    const back = async () => {
      await dragWithMouse(page, cardIn(page, 'solution_demo', title), () => pointInColumn(page, 'needs_confirmed', 30));
      await page.getByTestId('move-reason-dialog').waitFor({ timeout: 3000 });
    };

    await back();
    await page.getByTestId('move-cancel').click();
    await page.getByTestId('move-reason-dialog').waitFor({ state: 'detached' });
    expect(await cardIn(page, 'solution_demo', title).count()).toBe(1);
    await waitForSaved(page);

    await back();
    const submit = page.getByTestId('move-reason-submit');
    expect(await submit.isDisabled()).toBe(true);
    await page.getByTestId('move-reason-input').fill('   ');
    await page.getByTestId('move-reason-input').press('Enter');
    expect(await page.locator('[data-testid="move-reason-dialog"] .field-error').textContent()).toBe('Please give a reason.');
    expect(await submit.isDisabled()).toBe(true);
    expect(await cardIn(page, 'solution_demo', title).count()).toBe(1);

    // The server refuses the same move sent without a reason (over HTTP, with this user's token).
    const cardId = ((await cardIn(page, 'solution_demo', title).getAttribute('data-testid')) ?? '').replace('card-', '');
    const answer = await page.evaluate(async (id) => {
      const { token } = JSON.parse(localStorage.getItem('baton.session') ?? '{}') as { token: string };
      const res = await fetch('/api/boards/demo/commands', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ id: crypto.randomUUID(), type: 'moveCard', cardId: id, toStage: 'needs_confirmed' }),
      });
      return { status: res.status, body: (await res.json()) as { reason?: string; details?: { needsReason?: boolean } } };
    }, cardId);
    expect(answer.status).toBe(409);
    expect(answer.body.reason).toBe('gate_failed');
    expect(answer.body.details?.needsReason).toBe(true);

    const reason = 'Customer wants a second demo for their IT team';
    await page.getByTestId('move-reason-input').fill(reason);
    await submit.click();
    await page.getByTestId('move-reason-dialog').waitFor({ state: 'detached', timeout: 5000 });
    await cardIn(page, 'needs_confirmed', title).waitFor({ timeout: 2000 });
    await cardIn(manager.page, 'needs_confirmed', title).waitFor({ timeout: 2000 });
    await waitForSaved(page);

    await cardIn(page, 'needs_confirmed', title).click();
    await page.getByTestId('drawer-tab-history').click();
    const moved = page.locator('[data-testid="card-history"] [data-event-type="card.moved"]').first();
    await moved.waitFor({ timeout: 5000 });
    expect(await moved.textContent()).toContain('moved it back from Solution demo to Needs confirmed');
    expect(await moved.getByTestId('history-reason').textContent()).toBe(`Reason: ${reason}`);
    await page.keyboard.press('Escape');
  });

  it('lets ops add a Fast lane stage with a required yes/no field and reorder it by keyboard; the sales board shows it live and its gate applies', async () => {
    const ops = await openAs(browser, server.url, 'ops');
    try {
      const { page } = ops;
      await page.getByTestId('user-menu').click();
      await page.locator('[data-testid="user-menu-list"] [data-key="stages"]').click();
      await page.getByTestId('stage-list').waitFor();
      expect(new URL(page.url()).pathname).toBe('/boards/demo/stages');

      await page.getByTestId('add-stage').click();
      await page.getByTestId('stage-label-en').fill('Fast lane');
      await page.getByTestId('stage-label-zh').fill('快速通道');
      expect(await page.getByTestId('stage-id').inputValue()).toBe('fast_lane');
      await page.getByTestId('stage-after').selectOption('quote');
      await page.getByTestId('cf-add').click();
      await page.getByTestId('cf-en-0').fill('Accepts standard SOW');
      await page.getByTestId('cf-zh-0').fill('接受标准SOW');
      expect(await page.getByTestId('cf-key-0').inputValue()).toBe('acceptsStandardSow');
      await page.getByTestId('req-custom-acceptsStandardSow').check();
      await page.getByTestId('stage-save').click();
      await page.getByTestId('stage-dialog').waitFor({ state: 'detached', timeout: 5000 });
      await page.getByTestId('stage-row-fast_lane').waitFor();

      // Reordering works from the keyboard, and focus stays on the arrow that was pressed.
      await page.getByTestId('stage-down-fast_lane').focus();
      await page.keyboard.press('Enter');
      await page.locator('[data-testid="stage-row-fast_lane"] [data-testid="stage-status"][data-state="saved"]').waitFor({ timeout: 5000 });
      const rows = () => page.locator('[data-testid^="stage-row-"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')?.slice(10)));
      expect((await rows()).slice(3, 6)).toEqual(['quote', 'negotiation', 'fast_lane']);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('stage-down-fast_lane');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await rows()).slice(3, 5), { timeout: 5000 }).toEqual(['quote', 'fast_lane']);

      // The sales board grows the column live, right after Quote, with its gate in the header.
      await sales.page.getByTestId('column-fast_lane').waitFor({ timeout: 2000 });
      const order = await sales.page.locator('[data-testid^="column-"][role="region"]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')));
      expect(order.slice(3, 5)).toEqual(['column-quote', 'column-fast_lane']);
      await sales.page.getByTestId('column-gate-fast_lane').focus();
      expect(await sales.page.locator('.column-gate [role="tooltip"]').filter({ hasText: 'Fast lane' }).textContent()).toContain('Accepts standard SOW');

      // Moving a deal there asks for the new field and sends it with the move.
      const title = 'Exam proctoring';
      const card = cardIn(sales.page, 'quote', title);
      const id = ((await card.getAttribute('data-testid')) ?? '').replace('card-', '');
      await sales.page.getByTestId(`move-menu-${id}`).click();
      await sales.page.locator(`[data-testid="move-menu-list-${id}"] [data-key="stage-fast_lane"]`).click();
      await sales.page.getByTestId('gate-dialog').waitFor();
      await sales.page.getByTestId('gate-field-custom.acceptsStandardSow').check();
      await sales.page.getByTestId('gate-submit').click();
      await cardIn(sales.page, 'fast_lane', title).waitFor({ timeout: 2000 });
      await cardIn(manager.page, 'fast_lane', title).waitFor({ timeout: 2000 });

      // The drawer shows the stage's field under "Stage fields", and the history says what changed.
      await waitForSaved(sales.page);
      await cardIn(sales.page, 'fast_lane', title).click();
      expect(await sales.page.getByTestId('custom-acceptsStandardSow').isChecked()).toBe(true);
      await sales.page.getByTestId('drawer-tab-history').click();
      const history = sales.page.getByTestId('card-history');
      await history.waitFor();
      expect(await history.textContent()).toContain('Accepts standard SOW: empty → yes');
      expect(await history.textContent()).toContain('moved it from Quote to Fast lane');
      await sales.page.keyboard.press('Escape');
    } finally {
      await ops.context.close();
    }
  });

  it('lists the files of a card in the drawer, downloads one, retags and removes another', async () => {
    const { page } = sales;
    await cardIn(page, 'solution_demo', 'Warehouse IoT sensors').click();
    await page.getByTestId('drawer-tab-files').click();
    const csv = page.getByTestId('attachment-comparison.csv');
    await csv.waitFor();
    expect(await csv.textContent()).toContain('by Li Wei');
    expect(await page.getByTestId('attachment-kind-comparison.csv').inputValue()).toBe('competitor_comparison');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download pain-points.txt' }).first().click()]);
    expect(download.suggestedFilename()).toBe('pain-points.txt');

    await page.getByTestId('attachment-kind-comparison.csv').selectOption('meeting_notes');
    await waitForSaved(page);
    await page.getByTestId('attachment-remove-comparison.csv').click();
    await page.getByTestId('attachment-remove-confirm-comparison.csv').click();
    await csv.waitFor({ state: 'detached', timeout: 3000 });
    await waitForSaved(page);
    await page.getByTestId('drawer-tab-history').click();
    const text = (await page.getByTestId('card-history').textContent()) ?? '';
    expect(text).toContain('removed “comparison.csv” (Meeting notes)');
    expect(text).toContain('changed “comparison.csv” from Competitor comparison to Meeting notes');
    await page.keyboard.press('Escape');
  });

  it('shows a clear "not allowed" screen to people who may not change stages', async () => {
    const { page } = sales;
    await page.goto(`${server.url}/boards/demo/stages`);
    await page.getByTestId('stages-not-allowed').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('stages-not-allowed').textContent()).toContain('Only ops and admins');
    await page.getByTestId('stages-not-allowed').getByRole('link').click();
    await page.getByTestId('column-lead').waitFor();
  });
});
