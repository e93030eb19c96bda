/** Percentiles and run-to-run spread. Everything here is pure. */

/** Nearest-rank percentile of an ascending array (`p` in 0..100); NaN when empty. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

/** A growable list of samples (e.g. latencies in ms) with percentiles. */
export class Samples {
  private data = new Float64Array(1024);
  private size = 0;
  private sorted: Float64Array | null = null;

  push(value: number): void {
    if (this.size === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.size++] = value;
    this.sorted = null;
  }

  /** Forgets every sample (keeps the storage). */
  clear(): void {
    this.size = 0;
    this.sorted = null;
  }

  get count(): number {
    return this.size;
  }

  p(q: number): number {
    this.sorted ??= this.data.slice(0, this.size).sort();
    return percentile(this.sorted, q);
  }

  max(): number {
    return this.size === 0 ? Number.NaN : this.p(100);
  }

  mean(): number {
    let sum = 0;
    for (let i = 0; i < this.size; i++) sum += this.data[i] as number;
    return this.size === 0 ? Number.NaN : sum / this.size;
  }
}

/** Median and range of one figure over repeated runs. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function spread(values: readonly number[]): Spread | null {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return null;
  const mid = finite.length / 2;
  const median = finite.length % 2 === 1 ? (finite[Math.floor(mid)] as number) : ((finite[mid - 1] as number) + (finite[mid] as number)) / 2;
  return { median, min: finite[0] as number, max: finite[finite.length - 1] as number, runs: finite.length };
}
