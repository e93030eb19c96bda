import type { Page } from 'playwright-core';

/** Moves the server's fake clock forward; it re-checks the SLA clocks and tells every screen the new time. */
export async function advanceClock(serverUrl: string, ms: number): Promise<number> {
  const res = await fetch(`${serverUrl}/api/test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs: ms }) });
  if (!res.ok) throw new Error(`The fake clock did not move: ${res.status}`);
  return ((await res.json()) as { now: number }).now;
}

/** Scrolls a (virtualised) column until a card is rendered, and returns its locator. */
export async function scrollToCard(page: Page, stageId: string, cardId: string) {
  const card = page.getByTestId(`card-${cardId}`);
  const column = page.getByTestId(`column-${stageId}`);
  await column.evaluate((el) => el.scrollTo({ top: 0 }));
  for (let i = 0; i < 60 && (await card.count()) === 0; i++) {
    await column.evaluate((el) => el.scrollBy({ top: el.clientHeight / 2 }));
    await page.waitForTimeout(30);
  }
  await card.scrollIntoViewIfNeeded();
  return card;
}

/**
 * What each page's standup timer shows at one common instant. Each page reports its next tick (the
 * value it renders and when, on this machine's clock, which every browser here shares); the values
 * are then carried to the latest of those instants. That takes the timers' tick phase and the reading
 * order out of the comparison, and leaves what a user would see: the difference between the screens.
 */
export async function remainingMs(pages: readonly Page[]): Promise<number[]> {
  const ticks = await Promise.all(
    pages.map((p) =>
      p.getByTestId('standup-timer').evaluate(
        (el) =>
          new Promise<[number, number]>((resolve) => {
            const observer = new MutationObserver(() => {
              observer.disconnect();
              resolve([Number(el.getAttribute('data-remaining-ms')), Date.now()]);
            });
            observer.observe(el, { attributes: true, attributeFilter: ['data-remaining-ms'] });
          }),
      ),
    ),
  );
  const at = Math.max(...ticks.map(([, t]) => t));
  return ticks.map(([ms, t]) => ms - (at - t));
}
