/** How a server time reached us: the server's "now" (`hello`, `clock`), or a stamp it wrote earlier (a standup start). */
export type ClockSample = 'now' | 'stamp';

/** A server "now" this far below the estimate means the clocks really moved apart (not a late message). */
export const CLOCK_RESET_MS = 60_000;

/** This page's monotonic clock, in epoch milliseconds (immune to wall-clock adjustments). */
const monotonicNow = () => (typeof performance === 'undefined' ? Date.now() : performance.timeOrigin + performance.now());

/**
 * The server's clock as seen from this browser: `offset = serverTime - localTime`.
 *
 * Every sample is a lower bound of the true offset: the server stamped it before it arrived, and a
 * busy page (say, rendering the board while `hello` came in) hands it over later still. So the
 * estimate is the largest sample seen. A server "now" far below it means the clocks really moved
 * apart (a restarted server, a changed local clock), and is taken as it is. The fake clock only moves
 * forward, which raises the estimate at once.
 */
export class ServerClock {
  private offset: number | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly localNow: () => number = monotonicNow) {}

  /** A server time that arrived just now (or at `receivedAt`, local time). */
  observe(serverTime: number, kind: ClockSample = 'now', receivedAt: number = this.localNow()): void {
    if (!Number.isFinite(serverTime)) return;
    const sample = serverTime - receivedAt;
    const current = this.offset;
    const take = current === null || sample > current || (kind === 'now' && sample < current - CLOCK_RESET_MS);
    if (!take || sample === current) return;
    this.offset = sample;
    for (const listener of [...this.listeners]) listener();
  }

  /** Null until the first sample (then `now()` is the local time). */
  get offsetMs(): number | null {
    return this.offset;
  }

  /** The server's current time. */
  now = (): number => this.localNow() + (this.offset ?? 0);

  /** Called when the estimate changes (a reconnect, a fresher stamp, or the fake clock jumped). */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };
}
