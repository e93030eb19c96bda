/**
 * Runs `fn` when the page has nothing else to do (at the latest after `timeoutMs`). Returns a
 * function that cancels it.
 */
export function whenIdle(fn: () => void, timeoutMs = 5000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(fn, { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(fn, Math.min(timeoutMs, 1000));
  return () => clearTimeout(handle);
}
