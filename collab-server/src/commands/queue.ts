/** When the next batch may start (see BatchPace); without one, batches start as soon as they can. */
export interface Pace {
  arrived(): void;
  /** Milliseconds the next batch should still wait; 0 to start now. */
  delay(): number;
}

/**
 * Runs jobs in batches, one batch at a time, in the order the jobs were added. Jobs added in
 * the same turn of the event loop (e.g. every command read from the sockets in one poll
 * phase), or while a batch is running, go into the next batch together; the batch starts in
 * the check phase of the same loop iteration, so a lone job waits for nothing, unless a pace
 * says to gather more first. A failing batch fails its own jobs only.
 */
export class BatchQueue<J, R> {
  private pending: Array<{ job: J; resolve(r: R): void; reject(e: unknown): void }> = [];
  private running = false;
  private scheduled = false;
  /** Jobs of the batch now running. */
  private inBatch = 0;

  constructor(
    /** Runs a batch; may hand over its results early with `deliver` and go on working (the next batch waits). */
    private readonly runBatch: (jobs: J[], deliver: (results: R[]) => void) => Promise<R[]>,
    private readonly maxBatch: number,
    private readonly pace: Pace | null = null,
  ) {}

  /** Jobs added and not finished yet. */
  get size(): number {
    return this.pending.length + this.inBatch;
  }

  run(job: J): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pace?.arrived();
      this.pending.push({ job, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.startWhenDue());
  }

  /** Runs in the check phase, after the poll phase has read the sockets (and counted what arrived). */
  private startWhenDue(): void {
    const wait = this.pace?.delay() ?? 0;
    if (wait > 0) {
      setTimeout(() => setImmediate(() => this.startWhenDue()), wait);
      return;
    }
    this.scheduled = false;
    void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    let first = true;
    while (this.pending.length > 0) {
      if (!first && (this.pace?.delay() ?? 0) > 0) {
        // A burst goes on: gather it before the next batch.
        this.running = false;
        this.schedule();
        return;
      }
      first = false;
      const batch = this.pending.splice(0, this.maxBatch);
      this.inBatch = batch.length;
      let delivered = false;
      const deliver = (results: R[]) => {
        if (delivered) return;
        delivered = true;
        batch.forEach((b, i) => b.resolve(results[i] as R));
      };
      try {
        deliver(await this.runBatch(batch.map((b) => b.job), deliver));
      } catch (error) {
        if (!delivered) for (const b of batch) b.reject(error);
      }
      this.inBatch = 0;
    }
    this.running = false;
  }
}
