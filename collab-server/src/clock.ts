/** Everything that depends on "now" takes a Clock, so tests can jump 72 hours in a millisecond. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Real time plus an offset that tests and demos can move forward (never backward). */
export class FakeClock implements Clock {
  constructor(private offsetMs = 0) {}

  /** How far ahead of real time this clock is (kept in the store so a restart keeps the time). */
  get offset(): number {
    return this.offsetMs;
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('The clock only moves forward');
    this.offsetMs += ms;
    return this.now();
  }
}
