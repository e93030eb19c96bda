import { describe, expect, it } from 'vitest';
import { CLOCK_RESET_MS, ServerClock } from '../src/sync/serverClock';

/** A clock whose local time the test sets. */
function clockAt(start: number) {
  const local = { now: start };
  return { local, clock: new ServerClock(() => local.now) };
}

describe('the server clock offset', () => {
  it('counts on from a server time with the local clock', () => {
    const { local, clock } = clockAt(1_000);
    expect(clock.offsetMs).toBeNull();
    expect(clock.now()).toBe(1_000); // no sample yet: the local time stands in
    clock.observe(5_000);
    expect(clock.offsetMs).toBe(4_000);
    local.now = 1_250;
    expect(clock.now()).toBe(5_250);
  });

  it('keeps the best sample: a message handed over late (a busy page) does not pull the clock back', () => {
    const { local, clock } = clockAt(0);
    clock.observe(10_000); // offset 10 000
    local.now = 2_000;
    clock.observe(11_200); // stamped at 11 200, read 800 ms late: offset 9 200
    expect(clock.now()).toBe(12_000);
    clock.observe(12_300, 'stamp'); // a fresher stamp that arrived quickly: offset 10 300
    expect(clock.now()).toBe(12_300);
  });

  it('follows the fake clock forward at once and tells its listeners', () => {
    const { local, clock } = clockAt(0);
    clock.observe(100);
    const seen: number[] = [];
    clock.subscribe(() => seen.push(clock.now()));
    local.now = 10;
    clock.observe(90_000 + 110);
    expect(seen).toEqual([90_110]);
    clock.observe(90_000 + 110); // the same offset again: nobody is bothered
    expect(seen).toHaveLength(1);
  });

  it('takes a server "now" far below the estimate as it is (the clocks really moved), but not an old stamp', () => {
    const { clock } = clockAt(0);
    clock.observe(10 * CLOCK_RESET_MS);
    clock.observe(0, 'stamp'); // e.g. a standup started an hour ago, read from the cache
    expect(clock.offsetMs).toBe(10 * CLOCK_RESET_MS);
    clock.observe(CLOCK_RESET_MS); // a restarted server whose clock is behind
    expect(clock.offsetMs).toBe(CLOCK_RESET_MS);
  });

  it('gives two screens with different local clocks the same server time', () => {
    const a = new ServerClock(() => 1_000_000);
    const b = new ServerClock(() => 1_003_700); // this machine's clock is 3.7 s ahead
    a.observe(2_000_000);
    b.observe(2_000_000);
    expect(a.now()).toBe(b.now());
  });

  it('ignores a timestamp that is not a number', () => {
    const { clock } = clockAt(0);
    clock.observe(42);
    clock.observe(Number.NaN);
    expect(clock.offsetMs).toBe(42);
  });
});
