/**
 * Chromium driven over the DevTools protocol with only the Page, Runtime, Input and Emulation domains in use,
 * for timing a page load the way a person's browser does it.
 *
 * Playwright enables the Network domain on every page it drives. With it, Chromium turns every
 * websocket frame into a DevTools event holding the frame in base64, on the page's main thread.
 * A page that does nothing with a 4.3 MB frame then shows 150–300 ms of long tasks (2–3 tasks of
 * 50–176 ms) and gets the frame 150–195 ms after asking; in plain Chromium it gets it after
 * 60–115 ms with no long task (four runs each, this machine). A board's first sync is such a
 * frame, so loads are timed here; everything else in the browser scenario uses Playwright.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { sleep } from './cpu';

interface Pending {
  resolve: (value: Record<string, unknown>) => void;
  reject: (error: Error) => void;
}

/** One DevTools connection (the browser endpoint); page sessions are flattened onto it. */
class Connection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, (params: Record<string, unknown>) => void>();

  constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { id?: number; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown>; error?: { message: string } };
      if (msg.id === undefined) {
        if (msg.method) this.listeners.get(msg.method)?.(msg.params ?? {});
        return;
      }
      const waiting = this.pending.get(msg.id);
      if (!waiting) return;
      this.pending.delete(msg.id);
      if (msg.error) waiting.reject(new Error(msg.error.message));
      else waiting.resolve(msg.result ?? {});
    });
    ws.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error('the DevTools connection closed'));
      this.pending.clear();
    });
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  }

  /** One listener per event name (the last one set wins). */
  on(method: string, listener: (params: Record<string, unknown>) => void): void {
    this.listeners.set(method, listener);
  }

  close(): void {
    this.ws.close();
  }
}

/**
 * The switches Playwright (1.65, chromiumSwitches.ts) launches Chromium with, headless included,
 * so that this browser and Playwright's differ only in the DevTools domains in use.
 */
const PLAYWRIGHT_SWITCHES = [
  '--disable-field-trial-config',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-back-forward-cache',
  '--disable-breakpad',
  '--disable-component-extensions-with-background-pages',
  '--disable-component-update',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--disable-features=AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,LensOverlay,MediaRouter,PaintHolding,ThirdPartyStoragePartitioning,AvoidCorsURLLoaderRestartOnRedirect,OptimizationHints,NetworkTimeServiceQuerying,AimEnabled,PreconnectToSearch',
  '--enable-features=CDPScreenshotNewSurface,SkipListAccountsWithoutGaiaCookies',
  '--allow-pre-commit-input',
  '--disable-hang-monitor',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--force-color-profile=srgb',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--no-service-autorun',
  '--disable-search-engine-choice-screen',
  '--disable-infobars',
  '--disable-sync',
  '--headless',
  '--hide-scrollbars',
  '--mute-audio',
  '--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4',
];

/** A tab in its own browser context (nothing shared with other tabs: storage, cache, service workers). */
export class RawPage {
  constructor(
    private readonly conn: Connection,
    private readonly sessionId: string,
  ) {}

  /** A DevTools command to this tab (for the profiler: `Profiler.*`). */
  send(method: string, params: Record<string, unknown> = {}) {
    return this.conn.send(method, params, this.sessionId);
  }

  /** Evaluates an expression in the page (promises awaited) and returns its value. */
  async evaluate<T>(expression: string): Promise<T> {
    const reply = (await this.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })) as { result: { value: T }; exceptionDetails?: { text: string } };
    if (reply.exceptionDetails) throw new Error(`page script failed: ${reply.exceptionDetails.text}`);
    return reply.result.value;
  }

  /** Runs `source` before the page's own scripts on every document this tab loads. */
  async addInitScript(source: string): Promise<void> {
    await this.send('Page.addScriptToEvaluateOnNewDocument', { source });
  }

  async goto(url: string): Promise<void> {
    await this.send('Page.navigate', { url });
    await this.waitFor(`document.readyState === 'complete' && location.href.startsWith(${JSON.stringify(url)})`, 30_000);
  }

  async reload(): Promise<void> {
    await this.evaluate('window.__rawBeforeReload = true');
    await this.send('Page.reload', {});
    await this.waitFor(`window.__rawBeforeReload === undefined && document.readyState !== 'loading'`, 30_000);
  }

  /** Polls `expression` until it is truthy. */
  async waitFor(expression: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await this.evaluate<boolean>(`Boolean(${expression})`).catch(() => false)) return;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${expression}`);
      await sleep(50);
    }
  }

  /** Types into the element (focused first), as keyboard text input. */
  async type(selector: string, text: string): Promise<void> {
    await this.waitFor(`document.querySelector(${JSON.stringify(selector)})`, 30_000);
    await this.evaluate(`document.querySelector(${JSON.stringify(selector)}).focus()`);
    await this.send('Input.insertText', { text });
  }

  /** A left click in the middle of the element, as mouse input. */
  async click(selector: string): Promise<void> {
    const box = await this.evaluate<{ x: number; y: number } | null>(
      `(() => { const e = document.querySelector(${JSON.stringify(selector)}); if (!e) return null; const r = e.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`,
    );
    if (!box) throw new Error(`nothing matches ${selector}`);
    await this.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: box.x, y: box.y });
    await this.send('Input.dispatchMouseEvent', { type: 'mousePressed', x: box.x, y: box.y, button: 'left', clickCount: 1 });
    await this.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x: box.x, y: box.y, button: 'left', clickCount: 1 });
  }
}

/** A Chromium process with a DevTools port; no Playwright, so no Network domain on its pages. */
export class RawChromium {
  private constructor(
    private readonly proc: ChildProcess,
    private readonly conn: Connection,
    private readonly dataDir: string,
  ) {}

  static async launch(executablePath: string, args: readonly string[]): Promise<RawChromium> {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'baton-raw-chromium-'));
    const proc = spawn(executablePath, [...PLAYWRIGHT_SWITCHES, '--no-startup-window', '--remote-debugging-port=0', `--user-data-dir=${dataDir}`, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    const endpoint = await new Promise<string>((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => reject(new Error(`Chromium did not open its DevTools port: ${text.slice(-500)}`)), 30_000);
      proc.stderr?.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const match = /DevTools listening on (ws:\/\/\S+)/.exec(text);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      proc.once('exit', (code) => reject(new Error(`Chromium exited (${code}): ${text.slice(-500)}`)));
    });
    proc.stderr?.resume();
    const ws = new WebSocket(endpoint, { maxPayload: 256 * 1024 * 1024 });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new RawChromium(proc, new Connection(ws), dataDir);
  }

  /** A new tab in a fresh browser context, sized like the Playwright contexts. */
  async newPage(width: number, height: number): Promise<{ page: RawPage; close: () => Promise<void> }> {
    const { browserContextId } = (await this.conn.send('Target.createBrowserContext', { disposeOnDetach: true })) as { browserContextId: string };
    const { targetId } = (await this.conn.send('Target.createTarget', { url: 'about:blank', browserContextId })) as { targetId: string };
    const { sessionId } = (await this.conn.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
    await this.conn.send('Page.enable', {}, sessionId);
    await this.conn.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false }, sessionId);
    const close = async () => {
      await this.conn.send('Target.disposeBrowserContext', { browserContextId }).catch(() => undefined);
    };
    return { page: new RawPage(this.conn, sessionId), close };
  }

  /** Starts a Chrome trace of the whole browser (for investigating; see BENCH_BROWSER_LOAD_TRACE). */
  async startTracing(categories: readonly string[]): Promise<void> {
    await this.conn.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: categories } });
  }

  /** Ends the trace and writes it to `file` (Chrome's JSON trace format). */
  async stopTracing(file: string): Promise<void> {
    const done = new Promise<string>((resolve) => this.conn.on('Tracing.tracingComplete', (params) => resolve(String(params.stream))));
    await this.conn.send('Tracing.end');
    const stream = await done;
    let text = '';
    for (;;) {
      const chunk = (await this.conn.send('IO.read', { handle: stream, size: 1 << 20 })) as { data: string; eof: boolean; base64Encoded?: boolean };
      text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
      if (chunk.eof) break;
    }
    await this.conn.send('IO.close', { handle: stream });
    writeFileSync(file, text);
  }

  /**
   * Closes the browser the way Playwright does, and waits for the process to exit. A killed
   * browser leaves its renderers and zygote to init, and their CPU time would then count as
   * another process's in the bench's contention check (it counts this process's tree).
   */
  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null || this.proc.signalCode !== null) resolve();
      else this.proc.once('exit', () => resolve());
    });
    await this.conn.send('Browser.close').catch(() => undefined);
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    this.conn.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
