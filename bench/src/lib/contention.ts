/**
 * Is the machine ours? Samples, every few seconds, the CPU time the whole machine spent
 * busy (/proc/stat) and the CPU time of this process and its descendants (the servers under
 * test, Chromium); the difference is what other processes took. Figures measured while other
 * work runs on a 2-core machine are not comparable to an idle one, so the report says so.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function machineBusyTicks(): number {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal. Interrupt time is left out: loopback
  // networking for our own sockets is accounted there, not to any process.
  const [user = 0, nice = 0, system = 0] = fields;
  return user + nice + system;
}

/**
 * utime+stime+cutime+cstime of this process and every live descendant, in ticks. A child
 * that exits moves its time into its parent's cutime/cstime, so the sum never drops.
 */
function ownTreeTicks(): number {
  const procs = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(name), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
    } catch {
      /* gone */
    }
  }
  let total = 0;
  for (const [pid, p] of procs) {
    let at: number | undefined = pid;
    for (let depth = 0; at !== undefined && at > 1 && depth < 50; depth++) {
      if (at === process.pid) {
        total += p.ticks;
        break;
      }
      at = procs.get(at)?.ppid;
    }
  }
  return total;
}

export interface Contention {
  /** Share of the machine's CPU (all cores) other processes used, mean over the run, %. */
  meanPct: number;
  /** Highest share over one sampling interval, %. */
  maxPct: number;
  samples: number;
}

export function watchContention(intervalMs = 5000): () => Contention {
  if (!safe(() => readFileSync('/proc/stat'))) return () => ({ meanPct: Number.NaN, maxPct: Number.NaN, samples: 0 });
  const capacity = (ms: number) => (ms / TICK_MS) * os.cpus().length;
  let last = { t: performance.now(), busy: machineBusyTicks(), own: ownTreeTicks() };
  const start = last;
  let maxPct = 0;
  let samples = 0;
  const timer = setInterval(() => {
    const now = { t: performance.now(), busy: machineBusyTicks(), own: ownTreeTicks() };
    const foreign = Math.max(0, now.busy - last.busy - Math.max(0, now.own - last.own));
    maxPct = Math.max(maxPct, (foreign / capacity(now.t - last.t)) * 100);
    samples++;
    last = now;
  }, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    const now = { t: performance.now(), busy: machineBusyTicks(), own: ownTreeTicks() };
    const foreign = Math.max(0, now.busy - start.busy - Math.max(0, now.own - start.own));
    return { meanPct: (foreign / capacity(now.t - start.t)) * 100, maxPct, samples };
  };
}

function safe(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}
