import { describe, expect, it } from 'vitest';
import { BatchPace, PACE_DEFAULTS } from '../src/commands/pace';

function setup(connections = 100) {
  let t = 1000;
  const pace = new BatchPace(PACE_DEFAULTS, () => connections, () => t);
  /** `PACE_DEFAULTS.burst` commands half a millisecond apart, starting at `from`; returns when the last arrived. */
  const burst = (from: number) => {
    for (let i = 0; i < PACE_DEFAULTS.burst; i++) {
      t = from + i * 0.5;
      pace.arrived();
    }
    return t;
  };
  return {
    pace,
    burst,
    at: (ms: number) => (t = ms),
    arrive: (...times: number[]) => {
      for (const ms of times) {
        t = ms;
        pace.arrived();
      }
    },
  };
}

describe('when a board’s next batch starts', () => {
  it('at once for commands at a steady pace, however many people are on the board, and for a few at once', () => {
    const s = setup();
    for (let ms = 1000; ms < 3000; ms += 40) {
      s.arrive(ms);
      expect(s.pace.delay()).toBe(0);
    }
    // A few read together after the server was busy for a moment are not a burst.
    s.arrive(3100, 3100, 3100, 3100);
    expect(s.pace.delay()).toBe(0);
  });

  it('once a burst is over: no command for the quiet time', () => {
    const s = setup();
    const last = s.burst(1000);
    expect(s.pace.delay()).toBe(PACE_DEFAULTS.quietMs);
    s.arrive(last + 10);
    s.at(last + 20);
    expect(s.pace.delay()).toBe(PACE_DEFAULTS.quietMs - 10);
    s.at(last + 10 + PACE_DEFAULTS.quietMs);
    expect(s.pace.delay()).toBe(0);
  });

  it('at most the longest wait after the first gathered command, even if the burst goes on', () => {
    const s = setup();
    const last = s.burst(1000);
    expect(s.pace.delay()).toBeGreaterThan(0);
    for (let ms = last + 2; ms < last + PACE_DEFAULTS.maxWaitMs; ms += 2) s.arrive(ms);
    s.at(last + PACE_DEFAULTS.maxWaitMs);
    expect(s.pace.delay()).toBe(0);
  });

  it('at once on a board with few people, even in a burst (a broadcast to them is cheap)', () => {
    const s = setup(PACE_DEFAULTS.minConnections - 1);
    s.burst(1000);
    expect(s.pace.delay()).toBe(0);
  });
});
