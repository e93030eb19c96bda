/** CPU use of this process (the load generator) over a window, as % of one core. */
export function clientCpu(): () => number {
  const t = performance.now();
  const start = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(start);
    return ((used.user + used.system) / 1000 / (performance.now() - t)) * 100;
  };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits until `check` holds or `timeoutMs` passes; returns whether it held. */
export async function until(check: () => boolean, timeoutMs: number, stepMs = 10): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) return false;
    await sleep(stepMs);
  }
  return true;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** A full collection in the load generator before a measuring window (needs --expose-gc). */
export function collectGarbage(): void {
  gc?.();
}
