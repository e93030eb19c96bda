/**
 * In-page instrumentation for the browser scenario, installed before the app's scripts run:
 * long tasks (PerformanceObserver), the moment the first card element appears
 * (MutationObserver), and a requestAnimationFrame recorder for frame times. The in-page
 * code is plain JavaScript text: functions compiled by tsx would carry helpers the page lacks.
 */
import type { Page } from 'playwright-core';
import { sleep } from './cpu';

export interface ProbeState {
  longTasks: Array<{ start: number; duration: number }>;
  firstCardAt: number | null;
  frames: number[] | null;
}

/** The probe's source, to run before the page's own scripts. */
export const PROBE_SCRIPT = `
(() => {
  const state = { longTasks: [], firstCardAt: null, frames: null };
  window.__bench = state;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const mo = new MutationObserver(() => {
    if (state.firstCardAt === null && document.querySelector('[data-testid^="card-"]') !== null) {
      state.firstCardAt = performance.now();
      mo.disconnect();
    }
  });
  document.addEventListener('DOMContentLoaded', () => mo.observe(document.body, { childList: true, subtree: true }));
})();
`;

const START_FRAMES = `
(() => {
  const state = window.__bench;
  const frames = [];
  state.frames = frames;
  let last = 0;
  const tick = (t) => {
    if (state.frames !== frames) return;
    frames.push(t - last);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame((t) => {
    last = t;
    requestAnimationFrame(tick);
  });
})()
`;

const STOP_FRAMES = `
(() => {
  const state = window.__bench;
  const frames = state.frames || [];
  state.frames = null;
  return frames;
})()
`;

/** What the probe needs of a page: Playwright's, or a raw DevTools tab (rawChromium.ts). */
export interface ProbedPage {
  evaluate<T>(expression: string): Promise<T>;
}

export async function installProbe(page: Page): Promise<void> {
  await page.addInitScript({ content: PROBE_SCRIPT });
}

export const readProbe = (page: ProbedPage) => page.evaluate<ProbeState>('window.__bench');

export const pageNow = (page: ProbedPage) => page.evaluate<number>('performance.now()');

/** Waits until a card is on screen (the probe saw one), without asking the page for an element handle. */
export async function waitFirstCard(page: ProbedPage, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const at = (await readProbe(page)).firstCardAt;
    if (at !== null) return at;
    if (Date.now() > deadline) throw new Error('no card appeared on the board page');
    await sleep(50);
  }
}

/** Starts recording requestAnimationFrame deltas. */
export async function startFrames(page: Page): Promise<void> {
  await page.evaluate(START_FRAMES);
}

/** Stops recording and returns the frame deltas (ms). */
export async function stopFrames(page: Page): Promise<number[]> {
  return page.evaluate<number[]>(STOP_FRAMES);
}

/**
 * Interactive = first card shown and then a quiet main thread: the end of the last long task
 * before a `quietMs` window without long tasks (a shorter variant of Lighthouse's TTI).
 */
export async function waitInteractive(page: ProbedPage, quietMs: number, timeoutMs: number): Promise<number | null> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const probe = await readProbe(page);
    const now = await pageNow(page);
    if (probe.firstCardAt !== null) {
      const lastEnd = Math.max(probe.firstCardAt, ...probe.longTasks.map((t) => t.start + t.duration));
      if (now - lastEnd >= quietMs) return lastEnd;
    }
    await sleep(100);
  }
  return null;
}
