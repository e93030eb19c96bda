import type { Locator, Page } from 'playwright-core';

/** A card by title inside a column (`column-<stageId>`). */
export function cardIn(page: Page, stageId: string, title: string): Locator {
  return page.locator(`[data-testid="column-${stageId}"] [data-card-title="${title}"]`);
}

export function cardByTitle(page: Page, title: string): Locator {
  return page.locator(`[data-card-title="${title}"]`);
}

/** Titles of the cards rendered in a column, top to bottom. */
export async function columnTitles(page: Page, stageId: string): Promise<string[]> {
  return page
    .locator(`[data-testid="column-${stageId}"] [data-card-title]`)
    .evaluateAll((nodes) =>
      nodes
        .map((n) => ({ title: n.getAttribute('data-card-title') ?? '', top: n.getBoundingClientRect().top }))
        .sort((a, b) => a.top - b.top)
        .map((n) => n.title),
    );
}

type Point = { x: number; y: number };

/**
 * Drags with real mouse moves (press, move in steps past the activation distance, release).
 * `target` may be a function, measured after the card was scrolled into view.
 */
export async function dragWithMouse(page: Page, source: Locator, to: Point | (() => Promise<Point>)): Promise<void> {
  // The previous drop's overlay may still be animating back over its card: let it finish first.
  await page.locator('.card-overlay').waitFor({ state: 'detached' });
  await source.scrollIntoViewIfNeeded();
  const box = await source.boundingBox();
  if (!box) throw new Error('The card to drag is not visible');
  const target = typeof to === 'function' ? await to() : to;
  const start = { x: box.x + box.width / 2, y: box.y + 20 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 12, start.y + 6, { steps: 4 });
  await page.mouse.move(target.x, target.y, { steps: 25 });
  await page.waitForTimeout(150);
  await page.mouse.move(target.x, target.y + 2, { steps: 2 });
  await page.mouse.up();
}

/** A point inside a column's list, `dy` pixels below its top. */
export async function pointInColumn(page: Page, stageId: string, dy = 40): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId(`column-${stageId}`).boundingBox();
  if (!box) throw new Error(`Column ${stageId} is not visible`);
  return { x: box.x + box.width / 2, y: box.y + dy };
}
