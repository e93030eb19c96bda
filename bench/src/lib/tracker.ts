/** Send and arrival times of every nonce, grouped into measuring windows. */
import { Samples } from './stats';

interface Entry {
  t0: number;
  sender: number;
  window: number;
  expected: number;
  seen: Uint8Array;
  count: number;
  ackAt: number;
  rejected: boolean;
}

export class WindowStats {
  readonly latency = new Samples();
  readonly ack = new Samples();
  sent = 0;
  expected = 0;
  delivered = 0;
  rejected = 0;
  firstSendAt = Number.POSITIVE_INFINITY;
  lastSeenAt = 0;

}

export class NonceTracker {
  private nextNonce = 1;
  private readonly entries = new Map<number, Entry>();
  private readonly stats = new Map<number, WindowStats>();
  /** Nonces sent and commands answered, over all windows. */
  totalSent = 0;
  totalAnswered = 0;
  /** Window new nonces belong to; -1 = warm-up (tracked, not reported). */
  window = -1;
  /** Arrival times of all deliveries (any window), for counting deliveries in a time range. */
  private arrivals = new Float64Array(1 << 16);
  private arrivalCount = 0;

  constructor(private readonly clientCount: () => number) {}

  windowStats(w: number): WindowStats {
    let s = this.stats.get(w);
    if (!s) {
      s = new WindowStats();
      this.stats.set(w, s);
    }
    return s;
  }

  /** A new nonce, counted as sent now by `sender`. */
  send(sender: number, now = performance.now()): number {
    const nonce = this.nextNonce++;
    const n = this.clientCount();
    this.entries.set(nonce, { t0: now, sender, window: this.window, expected: n - 1, seen: new Uint8Array(n), count: 0, ackAt: 0, rejected: false });
    const s = this.windowStats(this.window);
    this.totalSent++;
    s.sent++;
    s.expected += n - 1;
    s.firstSendAt = Math.min(s.firstSendAt, now);
    return nonce;
  }

  /** Resets the send time to the moment the frame actually left (after encoding). */
  stamp(nonce: number, now = performance.now()): void {
    const e = this.entries.get(nonce);
    if (e) e.t0 = now;
  }

  seen(nonce: number, client: number, now: number): void {
    const e = this.entries.get(nonce);
    if (!e || client === e.sender || client >= e.seen.length || e.seen[client]) return;
    e.seen[client] = 1;
    e.count++;
    const s = this.windowStats(e.window);
    s.latency.push(now - e.t0);
    s.delivered++;
    s.lastSeenAt = Math.max(s.lastSeenAt, now);
    if (this.arrivalCount === this.arrivals.length) {
      const bigger = new Float64Array(this.arrivals.length * 2);
      bigger.set(this.arrivals);
      this.arrivals = bigger;
    }
    this.arrivals[this.arrivalCount++] = now;
  }

  answered(nonce: number, ok: boolean, now: number): void {
    const e = this.entries.get(nonce);
    if (!e || e.ackAt > 0) return;
    e.ackAt = now;
    e.rejected = !ok;
    this.totalAnswered++;
    const s = this.windowStats(e.window);
    s.ack.push(now - e.t0);
    if (!ok) {
      s.rejected++;
      s.expected -= e.expected;
    }
  }

  /** Deliveries that arrived in [from, to), whatever window their nonce belongs to. */
  deliveredBetween(from: number, to: number): number {
    let c = 0;
    for (let i = 0; i < this.arrivalCount; i++) {
      const t = this.arrivals[i] as number;
      if (t >= from && t < to) c++;
    }
    return c;
  }

  /** Deliveries still missing for the nonces of a window (rejected commands excluded). */
  missing(w: number): number {
    const s = this.windowStats(w);
    return s.expected - s.delivered;
  }
}
