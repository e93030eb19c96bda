/**
 * 7. Browser: headless Chromium against Baton serving the built client, on a 5,000-card board.
 * A rep logs in through the login form; measured from the click on "sign in": the first card
 * on screen, and interactive (first card shown and 1 s without a long task); then the returning
 * visit. These loads are timed in a Chromium driven over plain DevTools (rawChromium.ts says
 * why), and once more under Playwright for reference. Under Playwright: long tasks for 3 s
 * without changes and for 5 s while other clients move cards (5 moves/s); the JS heap after GC
 * (CDP); and requestAnimationFrame frame times while a card is dragged with the mouse across
 * three columns (the drag is cancelled with Escape before release).
 * For investigating: BENCH_BROWSER_{LOAD,DRAG}_PROFILE and BENCH_BROWSER_PROFILE (live moves)
 * write CPU profiles, BENCH_BROWSER_{LOAD,DRAG}_TRACE write Chrome traces.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import type { BenchContext, ScenarioResult } from '../context';
import { assignCards, PASSWORD } from '../lib/board';
import { REPO_ROOT } from '../lib/child';
import { sleep } from '../lib/cpu';
import { Fleet } from '../lib/fleet';
import { mb } from '../lib/format';
import { installProbe, pageNow, PROBE_SCRIPT, readProbe, startFrames, stopFrames, waitFirstCard, waitInteractive } from '../lib/pageProbe';
import { startPeer } from '../lib/peers';
import { RawChromium } from '../lib/rawChromium';
import { atMost, cell, verdict } from '../lib/report';
import { percentile } from '../lib/stats';
import type { Table } from '../lib/table';
import { NonceTracker } from '../lib/tracker';
import { initialStages, makeWriters, PeriodicMoves } from '../lib/workload';

const CHROMIUM = '/usr/bin/chromium';
/** rAF deltas jitter around the 16.67 ms vsync interval by a few tenths of a ms; a frame on time is not a miss. */
const FRAME_TOLERANCE_MS = 0.5;
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DRAG_PATH = ['lead', 'needs_confirmed', 'solution_demo', 'quote'];
const QUIET_MS = 3000;
const VIEWPORT = { width: 1600, height: 1000 };
const WINDOW_SETTLE_MS = 3000;
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'cc', 'viz', 'toplevel'];

/** Seconds the renderer's main thread has spent running tasks (CDP Performance.getMetrics). */
async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN;
}

type Send = (method: string, params?: Record<string, unknown>) => Promise<unknown>;
/** A Playwright CDP session as a plain `Send` (its typed `send` takes only known method names). */
const sendOf = (cdp: CDPSession): Send => (method, params) => (cdp.send as (m: string, p?: object) => Promise<unknown>).call(cdp, method, params);

/** Starts the page's CPU profiler; BENCH_PROFILE_INTERVAL_US coarsens sampling (the default 1 ms slows this page down by half). */
async function startProfiler(send: Send): Promise<void> {
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: Number(process.env.BENCH_PROFILE_INTERVAL_US ?? 1000) });
  await send('Profiler.start');
}

async function stopProfiler(send: Send, file: string): Promise<void> {
  writeFileSync(file, JSON.stringify(((await send('Profiler.stop')) as { profile: unknown }).profile));
}

function browserOf(page: Page): Browser {
  const b = page.context().browser();
  if (!b) throw new Error('the page has no browser');
  return b;
}

interface Run {
  firstCardMs: number;
  interactiveMs: number;
  /** The same first visit timed under Playwright (its DevTools Network domain on), for reference. */
  playwrightInteractiveMs: number;
  longTasksIdle: number;
  longTasksAfterLoad: number;
  longestAfterLoadMs: number;
  heapMb: number;
  domNodes: number;
  dragP50: number;
  dragP95: number;
  dragMax: number;
  dragFrames: number;
  dragMissed: number;
  dragTaskMs: number;
  idleP95: number;
  reloadFirstCardMs: number;
  reloadInteractiveMs: number;
}

function notMeasurable(cards: number, why: string): ScenarioResult {
  const table: Table = { title: `7. Browser, ${cards}-card board: not measurable`, columns: ['reason'], rows: [[why]], notes: [] };
  return { tables: [table], verdicts: [['5,000-card board interactive ≤ 1.5 s, no task > 50 ms after load, drag frames p95 ≤ 16.7 ms', 'n/a', why]] };
}

async function drag(page: Page, cardSelector: string): Promise<number[]> {
  const card = page.locator(cardSelector).first();
  await card.scrollIntoViewIfNeeded();
  const box = await card.boundingBox();
  if (!box) throw new Error('the card to drag is not visible');
  const points: Array<{ x: number; y: number }> = [];
  for (const stage of DRAG_PATH.slice(1)) {
    const col = await page.getByTestId(`column-${stage}`).boundingBox();
    if (!col) throw new Error(`column ${stage} is not visible`);
    points.push({ x: col.x + col.width / 2, y: Math.min(col.y + 200, col.y + col.height / 2) });
  }
  const start = { x: box.x + box.width / 2, y: box.y + Math.min(20, box.height / 2) };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 12, start.y + 6, { steps: 4 });
  await startFrames(page);
  let from = { x: start.x + 12, y: start.y + 6 };
  for (const p of points) {
    await page.mouse.move(p.x, p.y, { steps: 40 });
    from = p;
  }
  await page.mouse.move(from.x, from.y + 30, { steps: 10 });
  const frames = await stopFrames(page);
  await page.keyboard.press('Escape');
  await page.mouse.up();
  return frames;
}

interface Loads {
  firstCardMs: number;
  interactiveMs: number;
  reloadFirstCardMs: number;
  reloadInteractiveMs: number;
}

/**
 * The timed loads, in a Chromium without DevTools' network instrumentation (see rawChromium.ts):
 * a rep signs in through the login form in a fresh browser context, timed from the click on
 * "sign in"; then the same rep comes back (reloads the tab) with the board kept on this device
 * (IndexedDB) and the offline shell installed, timed from the start of the navigation (the page's
 * time origin). Nothing is typed the second time: the session is remembered.
 */
async function timedLoads(raw: RawChromium, url: string, user: string): Promise<Loads> {
  const { page, close } = await raw.newPage(VIEWPORT.width, VIEWPORT.height);
  try {
    // A new browser window loads its address bar's popup (a WebUI renderer, about 1 s of CPU on
    // this machine's one browser core) in its first seconds: a person's window is open long before.
    await sleep(WINDOW_SETTLE_MS);
    await page.addInitScript(PROBE_SCRIPT);
    await page.goto(url);
    await page.type('[data-testid="login-username"]', user);
    await page.type('[data-testid="login-password"]', PASSWORD);
    const send: Send = (method, params) => page.send(method, params);
    // BENCH_BROWSER_LOAD_PROFILE=<file>: a CPU profile of the page from the login click until it is interactive.
    const profileFile = process.env.BENCH_BROWSER_LOAD_PROFILE;
    if (profileFile) await startProfiler(send);
    // BENCH_BROWSER_LOAD_TRACE=<file>: a Chrome trace (timeline categories) from the login click until interactive.
    const traceFile = process.env.BENCH_BROWSER_LOAD_TRACE;
    if (traceFile) await raw.startTracing(TRACE_CATEGORIES);
    const clickedAt = await pageNow(page);
    await page.click('[data-testid="login-submit"]');
    const firstCardAt = await waitFirstCard(page, 60_000);
    const interactiveAt = await waitInteractive(page, 1000, 60_000);
    if (traceFile) await raw.stopTracing(traceFile);
    if (profileFile) await stopProfiler(send, profileFile);
    if (process.env.BENCH_DEBUG_TASKS) {
      const tasks = (await readProbe(page)).longTasks.map((t) => `${(t.start - clickedAt).toFixed(0)}+${t.duration.toFixed(0)}`);
      console.error('TASKS', (firstCardAt - clickedAt).toFixed(0), tasks.join(' '));
    }
    await page.waitFor('navigator.serviceWorker && navigator.serviceWorker.controller', 30_000).catch(() => undefined);
    await page.reload();
    const reloadFirstCardAt = await waitFirstCard(page, 60_000);
    const reloadInteractiveAt = await waitInteractive(page, 1000, 60_000);
    return {
      firstCardMs: firstCardAt - clickedAt,
      interactiveMs: interactiveAt === null ? Number.NaN : interactiveAt - clickedAt,
      reloadFirstCardMs: reloadFirstCardAt,
      reloadInteractiveMs: reloadInteractiveAt ?? Number.NaN,
    };
  } finally {
    await close();
  }
}

/** Everything but the timed loads, in Playwright: long tasks after load, heap, DOM size, the drag. */
async function oneRun(browser: Browser, url: string, user: string, ownCardSelector: string, moves: () => Promise<void>): Promise<Omit<Run, keyof Loads>> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  try {
    await sleep(WINDOW_SETTLE_MS); // as in timedLoads: the new window's own start-up work first
    await installProbe(page);
    await page.goto(url);
    await page.getByTestId('login-username').fill(user);
    await page.getByTestId('login-password').fill(PASSWORD);
    const clickedAt = await pageNow(page);
    await page.getByTestId('login-submit').click();
    await waitFirstCard(page, 60_000);
    const interactiveAt = await waitInteractive(page, 1000, 60_000);
    const playwrightInteractiveMs = interactiveAt === null ? Number.NaN : interactiveAt - clickedAt;

    // Idle frame cadence, for reference.
    await startFrames(page);
    await page.waitForTimeout(1000);
    const idle = (await stopFrames(page)).sort((a, b) => a - b);

    // Long tasks on a quiet board, then while other clients' moves arrive.
    const quietFrom = await pageNow(page);
    await page.waitForTimeout(QUIET_MS);
    const quiet = (await readProbe(page)).longTasks.filter((t) => t.start >= quietFrom);
    const before = await pageNow(page);
    // BENCH_BROWSER_PROFILE=<file>: a CPU profile of the page while the moves arrive (for investigating long tasks).
    const profileFile = process.env.BENCH_BROWSER_PROFILE;
    const profiler = profileFile ? await context.newCDPSession(page) : null;
    if (profiler) await startProfiler(sendOf(profiler));
    await moves();
    if (profiler && profileFile) await stopProfiler(sendOf(profiler), profileFile);
    const after = (await readProbe(page)).longTasks.filter((t) => t.start >= before);

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;

    // BENCH_BROWSER_DRAG_TRACE=<file>: a Chrome trace (timeline categories) of the drag.
    const dragTrace = process.env.BENCH_BROWSER_DRAG_TRACE;
    if (dragTrace) await browserOf(page).startTracing(page, { path: dragTrace, categories: TRACE_CATEGORIES });
    // BENCH_BROWSER_DRAG_PROFILE=<file>: a CPU profile of the page during the drag.
    const dragProfileFile = process.env.BENCH_BROWSER_DRAG_PROFILE;
    if (dragProfileFile) await startProfiler(sendOf(cdp));
    const taskBefore = await taskSeconds(cdp);
    const frames = (await drag(page, ownCardSelector)).sort((a, b) => a - b);
    const dragTaskMs = ((await taskSeconds(cdp)) - taskBefore) * 1000;
    if (dragProfileFile) await stopProfiler(sendOf(cdp), dragProfileFile);
    if (dragTrace) await browserOf(page).stopTracing();
    return {
      playwrightInteractiveMs,
      longTasksIdle: quiet.length,
      longTasksAfterLoad: after.length,
      longestAfterLoadMs: after.length > 0 ? Math.max(...after.map((t) => t.duration)) : 0,
      heapMb: mb(metric('JSHeapUsedSize')),
      domNodes: metric('Nodes'),
      dragP50: percentile(frames, 50),
      dragP95: percentile(frames, 95),
      dragMax: percentile(frames, 100),
      dragFrames: frames.length,
      dragMissed: frames.filter((f) => f > 25).length,
      dragTaskMs,
      idleP95: percentile(idle, 95),
    };
  } finally {
    await context.close();
  }
}

export async function browser(ctx: BenchContext): Promise<ScenarioResult> {
  const cards = ctx.settings.browser.cards;
  if (!ctx.peers.some((p) => p.id === 'baton')) return notMeasurable(cards, 'Baton is not among the selected peers');
  if (!existsSync(CHROMIUM)) return notMeasurable(cards, `no Chromium at ${CHROMIUM}`);
  if (!existsSync(path.join(REPO_ROOT, 'client', 'dist', 'index.html'))) return notMeasurable(cards, 'client/dist/index.html does not exist (build the client: npx vite build)');
  const spec = ctx.peers.find((p) => p.id === 'baton');
  if (!spec) return notMeasurable(cards, 'Baton is not selected');
  const prepared = await ctx.boards.get(cards);
  const peer = await startPeer(spec, prepared, ctx.boards);
  const chrome = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  let rawBrowser: RawChromium | null = null;
  const runs: Run[] = [];
  let failure: string | null = null;
  try {
    const raw = await RawChromium.launch(CHROMIUM, ARGS);
    rawBrowser = raw;
    // The browser user is rep001 (client index 0); other clients move cards of other reps.
    const board = prepared.board;
    const own = board.cards.find((c, i) => i % board.users.length === 0 && c.stage === 'lead');
    if (!own) throw new Error('rep001 has no card in the first column');
    const movers = 5;
    const stages = initialStages(board);
    const moves = async () => {
      let fleet: Fleet | null = null;
      const tracker = new NonceTracker(() => fleet?.size ?? 0);
      fleet = new Fleet(peer.target, tracker, true);
      await fleet.grow(movers + 1);
      const writers = makeWriters(fleet.clients.slice(1), board, assignCards(board, movers + 1).slice(1), stages, tracker, null);
      const periodic = new PeriodicMoves(writers, 1000);
      periodic.start();
      await sleep(5000);
      periodic.stop();
      await sleep(500);
      await fleet.close();
    };
    for (let r = -ctx.settings.warmupRuns; r < ctx.settings.runs; r++) {
      ctx.log(`  Chromium run ${r < 0 ? '(warm-up)' : r + 1}`);
      const user = board.users[0] ?? 'rep001';
      const loads = await timedLoads(raw, peer.httpUrl, user);
      const rest = await oneRun(chrome, peer.httpUrl, user, `[data-testid="card-${own.id}"]`, moves);
      if (r >= 0) runs.push({ ...loads, ...rest });
    }
  } catch (error) {
    failure = error instanceof Error ? error.message.split('\n')[0] ?? String(error) : String(error);
  } finally {
    await chrome.close();
    await rawBrowser?.close();
    await peer.proc.stop();
  }
  if (runs.length === 0) return notMeasurable(cards, `the board page did not render cards: ${failure ?? 'unknown'}`);

  const col = (pick: (r: Run) => number, unit: string, digits?: number) => cell(runs.map(pick), unit, digits);
  const med = (pick: (r: Run) => number) => [...runs.map(pick)].sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? Number.NaN;
  const full = cards >= 5000;
  const vInteractive = verdict([full ? atMost(med((r) => r.interactiveMs), 1500) : null]);
  const vTasks = verdict([full ? atMost(med((r) => r.longTasksAfterLoad + r.longTasksIdle), 0) : null]);
  const vFrames = verdict([full ? atMost(med((r) => r.dragP95), 16.7 + FRAME_TOLERANCE_MS) : null]);
  const all = verdict([vInteractive === 'n/a' ? null : vInteractive === 'PASS', vTasks === 'n/a' ? null : vTasks === 'PASS', vFrames === 'n/a' ? null : vFrames === 'PASS']);
  return {
    tables: [
      {
        title: `7. Browser (headless Chromium, Baton client), ${cards}-card board`,
        columns: ['figure', 'Baton', 'target', 'verdict'],
        rows: [
          ['login click → first card', col((r) => r.firstCardMs, 'ms'), '—', ''],
          ['login click → interactive', col((r) => r.interactiveMs, 'ms'), '≤ 1,500 ms', vInteractive],
          ['login click → interactive under Playwright (reference, see notes)', col((r) => r.playwrightInteractiveMs, 'ms'), '—', ''],
          [`long tasks during ${QUIET_MS / 1000} s without changes after load`, col((r) => r.longTasksIdle, '', 0), '', ''],
          ['long tasks during 5 s of live moves after load', col((r) => r.longTasksAfterLoad, '', 0), '0 over 50 ms', vTasks],
          ['longest of those', col((r) => r.longestAfterLoadMs, 'ms'), '', ''],
          ['JS heap after GC', col((r) => r.heapMb, 'MB'), '—', ''],
          ['DOM nodes', col((r) => r.domNodes, '', 0), '—', ''],
          ['drag across 3 columns: frame p50', col((r) => r.dragP50, 'ms'), '', ''],
          ['drag across 3 columns: frame p95', col((r) => r.dragP95, 'ms'), '≤ 16.7 ms', vFrames],
          ['drag: longest frame', col((r) => r.dragMax, 'ms'), '', ''],
          ['drag: frames recorded', col((r) => r.dragFrames, '', 0), '', ''],
          ['drag: frames over 25 ms (a vsync missed)', col((r) => r.dragMissed, '', 0), '', ''],
          ['drag: renderer main-thread busy (CDP TaskDuration)', col((r) => r.dragTaskMs, 'ms'), '', ''],
          ['idle frame p95 (reference)', col((r) => r.idleP95, 'ms'), '', ''],
          ['returning visit (reload, board kept on this device) → first card', col((r) => r.reloadFirstCardMs, 'ms'), '—', ''],
          ['returning visit → interactive', col((r) => r.reloadInteractiveMs, 'ms'), '—', ''],
        ],
        notes: [
          `median (min–max) over ${runs.length} fresh browser context(s) after ${ctx.settings.warmupRuns} warm-up(s); Chromium runs on the load generator's core, Baton on the other.`,
          "loads (first card, interactive, returning visit) are timed in a Chromium driven over DevTools with only the Page, Runtime, Input and Emulation domains (no Network domain), each new window given 3 s before the page opens (its address-bar popup loads in that time); the rest runs under Playwright, which turns on DevTools' Network domain: Chromium then copies every websocket frame into a base64 DevTools event on the page's main thread, 150–300 ms of long tasks for the 4 MB first sync that no user's browser runs. The Playwright row times the same first visit with that cost in.",
          'interactive = the end of the last long task before 1 s without long tasks, once a card is on screen (a short form of Lighthouse TTI).',
          'login click: a first visit in a fresh browser context (nothing cached on the device; the board is still loaded on the server, which had it open seconds earlier). Returning visit: the same tab reloaded at the end of the run, timed from the start of the navigation; the board shows from IndexedDB before the server answers.',
          `frame times = requestAnimationFrame deltas; the p95 verdict allows ${FRAME_TOLERANCE_MS} ms of vsync jitter (a frame delivered on the 60 Hz tick measures 16.6–16.9 ms).`,
          ...(full ? [] : [`targets apply to 5,000 cards; this run used ${cards}.`]),
          ...(failure ? [`some runs failed: ${failure}`] : []),
        ],
      },
    ],
    verdicts: [['5,000-card board interactive ≤ 1.5 s, no task > 50 ms after load, drag frames p95 ≤ 16.7 ms', all, `interactive ${med((r) => r.interactiveMs).toFixed(0)} ms, ${med((r) => r.longTasksAfterLoad)} long tasks after load (longest ${med((r) => r.longestAfterLoadMs).toFixed(0)} ms), drag p95 ${med((r) => r.dragP95).toFixed(1)} ms`]],
  };
}
