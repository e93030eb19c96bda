import { describe, expect, it } from 'vitest';
import { BatchPace, PACE_DEFAULTS } from '../src/commands/pace';

function setup(connections = 100) {
  let t = 1000;
  const pace = new BatchPace(PACE_DEFAULTS, () => connections, () => t);
  return {
    pace,
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
  it('at once for commands at a steady pace, however many people are on the board', () => {
    const s = setup();
    for (let ms = 1000; ms < 3000; ms += 40) {
      s.arrive(ms);
      expect(s.pace.delay()).toBe(0);
    }
  });

  it('once a burst is over: no command for the quiet time', () => {
    const s = setup();
    s.arrive(1000, 1000.5, 1001, 1001.5);
    expect(s.pace.delay()).toBe(PACE_DEFAULTS.quietMs);
    s.arrive(1010);
    s.at(1020);
    expect(s.pace.delay()).toBe(5);
    s.at(1025);
    expect(s.pace.delay()).toBe(0);
  });

  it('at most the longest wait after the first gathered command, even if the burst goes on', () => {
    const s = setup();
    s.arrive(1000, 1000.5, 1001, 1001.5);
    expect(s.pace.delay()).toBeGreaterThan(0);
    for (let ms = 1002; ms < 1001.5 + PACE_DEFAULTS.maxWaitMs; ms += 2) s.arrive(ms);
    s.at(1001.5 + PACE_DEFAULTS.maxWaitMs);
    expect(s.pace.delay()).toBe(0);
  });

  it('at once on a board with few people, even in a burst (a broadcast to them is cheap)', () => {
    const s = setup(PACE_DEFAULTS.minConnections - 1);
    s.arrive(1000, 1000.5, 1001, 1001.5);
    expect(s.pace.delay()).toBe(0);
  });
});
