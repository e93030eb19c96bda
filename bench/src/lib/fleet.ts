/** A set of connected bench clients with presence (awareness) kept alive like y-protocols does. */
import { BenchClient, type ClientOptions, type Target } from './clients/BenchClient';
import type { NonceTracker } from './tracker';

/** y-protocols renews a client's awareness state when it is older than 15 s (checked every 3 s). */
const RENEW_MS = 15_000;
const CHECK_MS = 3000;

export class Fleet {
  readonly clients: BenchClient[] = [];
  private readonly timers = new Map<BenchClient, NodeJS.Timeout>();

  constructor(
    private readonly target: Target,
    private readonly tracker: NonceTracker | null,
    private readonly presence: boolean,
    private readonly options: ClientOptions = {},
  ) {}

  get size(): number {
    return this.clients.length;
  }

  /** Connects clients until there are `n`, `concurrency` at a time; returns their connect→synced times. */
  async grow(n: number, concurrency = 20): Promise<number[]> {
    const times: number[] = [];
    const start = this.clients.length;
    let next = start;
    const worker = async () => {
      while (next < n) {
        const client = new BenchClient(next++, this.target, this.tracker, this.options);
        times.push(await client.connect());
        this.clients.push(client);
        if (this.presence) this.announce(client, true);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, n - start) }, worker));
    this.clients.sort((a, b) => a.index - b.index);
    return times;
  }

  /**
   * Sends the client's presence state and schedules its renewal, each client on its own
   * timer. The first renewal comes at a random point of the 15 s period, as if the client
   * had joined at a random earlier time: clients the bench connects within seconds of each
   * other would otherwise all renew in the same second (~180 renewals/s at 500 clients
   * instead of the steady 33/s), and which measuring window hits that burst would decide
   * the figures. Later renewals add 0–3 s, the check interval of y-protocols.
   */
  private announce(client: BenchClient, first = false): void {
    client.setPresence({ user: { name: `Bench ${client.index}`, color: '#0ea5e9' }, view: 'board' });
    const delay = first ? Math.random() * RENEW_MS : RENEW_MS + Math.random() * CHECK_MS;
    this.timers.set(
      client,
      setTimeout(() => this.announce(client), delay),
    );
  }

  async close(): Promise<void> {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    const all = this.clients.splice(0);
    for (let i = 0; i < all.length; i += 50) await Promise.all(all.slice(i, i + 50).map((c) => c.close()));
  }
}
