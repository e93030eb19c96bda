export interface PaceOptions {
  /** Commands counted as a burst: this many arriving within `windowMs`... */
  burst: number;
  windowMs: number;
  /** ...on a board with at least this many connections (below it a broadcast is cheap anyway). */
  minConnections: number;
  /** During a burst, the next batch starts once no command arrived for this long... */
  quietMs: number;
  /** ...or this long after the first command it waits for, whichever comes first. */
  maxWaitMs: number;
}

// quietMs: a burst's senders do not send at an even pace. In the bench's storm the first command
// goes out alone (nothing says a burst is coming), and the 400 clients' own process then spends
// 15-20 ms reading that change before it sends the rest: with 15 ms the burst was sometimes cut
// in two, one more frame per client. People on a network pause as long (jitter of tens of ms).
export const PACE_DEFAULTS: PaceOptions = { burst: 8, windowMs: 5, minConnections: 20, quietMs: 30, maxWaitMs: 500 };

/**
 * When a board's next batch of commands starts. Alone, or at a steady pace, a command is
 * decided, committed and broadcast at once. In a burst on a busy board (hundreds of people
 * moving cards in the same instant) the commands are gathered until the burst is over, then
 * decided and committed together and broadcast as one change: each broadcast sends a frame
 * to every connection, so a burst of N commands costs a few frames per connection instead of
 * N, and one commit instead of N. Nothing waits that was acknowledged: a gathered command is
 * neither committed nor answered yet.
 */
export class BatchPace {
  private readonly arrivals: number[] = [];
  private lastArrival = Number.NEGATIVE_INFINITY;
  /** When the first command of the current wait arrived, if one is waiting. */
  private waitingSince: number | null = null;

  constructor(
    private readonly options: PaceOptions,
    /** How many people are connected to the board now. */
    private readonly connections: () => number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A command for this board arrived. */
  arrived(): void {
    const t = this.now();
    this.lastArrival = t;
    this.arrivals.push(t);
    while (this.arrivals.length > this.options.burst) this.arrivals.shift();
  }

  /**
   * How long the next batch should still wait (0: start now). Asked once the event loop has
   * read the sockets (commands that arrived while this process was busy are counted by then).
   */
  delay(): number {
    const t = this.now();
    if (this.waitingSince === null) {
      if (!this.inBurst(t)) return 0;
      this.waitingSince = t;
    }
    const wait = Math.min(this.lastArrival + this.options.quietMs, this.waitingSince + this.options.maxWaitMs) - t;
    if (wait > 0) return wait;
    this.waitingSince = null;
    return 0;
  }

  /** The last `burst` commands arrived within `windowMs` of each other, the last one just now, on a busy board. */
  private inBurst(t: number): boolean {
    const first = this.arrivals[0];
    return (
      first !== undefined &&
      this.arrivals.length >= this.options.burst &&
      this.lastArrival - first <= this.options.windowMs &&
      t - this.lastArrival < this.options.quietMs &&
      this.connections() >= this.options.minConnections
    );
  }
}
