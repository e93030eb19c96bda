/**
 * Is the machine ours? Samples, every second, the CPU time the whole machine spent
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
 * CPU ticks of this process and its descendants, counted per process: each one's own
 * utime+stime, and for one that has exited, what it had used when last seen. Time a parent
 * collects from reaped children (cutime/cstime) is left out, so nothing counts twice, and
 * nothing is lost when processes exit without being reaped by this tree: a closed Chromium
 * leaves its zygote and renderers to init, and with them every renderer's time (that made a
 * browser scenario read "other processes used 20%" while no 5-second sample saw over 7%).
 * Up to one sampling interval (1 s) of a process's last work before it exits is missed, which is
 * why the sampler looks every second.
 */
class TreeTicks {
  /** `pid:starttime` (pids are reused) -> the process's own ticks when last seen. */
  private readonly seen = new Map<string, number>();
  /**
   * What each pid was found to be: one of ours (its key) or not. Only ours are read again, so a
   * look costs the /proc listing plus a few files, not one file per process on the machine (this
   * runs on the load generator's event loop every second, during measurements). A pid that was
   * not ours stays so until the kernel hands it out again, 32,768 processes later (pid_max).
   */
  private readonly known = new Map<number, string | null>();
  private total = 0;

  sample(): number {
    const live = new Set<number>();
    for (const name of readdirSync('/proc')) {
      if (/^\d+$/.test(name)) live.add(Number(name));
    }
    for (const [pid, key] of this.known) {
      if (live.has(pid)) continue;
      // Gone: its ticks are in the total, and its key (pid:starttime) never comes back.
      this.known.delete(pid);
      if (key !== null) this.seen.delete(key);
    }
    for (const pid of live) {
      if (!this.isOurs(pid)) continue;
      const stat = readStat(pid);
      if (!stat) continue;
      if (stat.key !== this.known.get(pid)) {
        // Another process under a reused pid: find out again whose it is.
        this.known.delete(pid);
        if (!this.isOurs(pid)) continue;
      }
      this.total += stat.ticks - (this.seen.get(stat.key) ?? 0);
      this.seen.set(stat.key, stat.ticks);
    }
    return this.total;
  }

  /** Whether `pid` descends from this process (remembered, with its ancestors). */
  private isOurs(pid: number, depth = 0): boolean {
    const known = this.known.get(pid);
    if (known !== undefined) return known !== null;
    const stat = readStat(pid);
    const ours = stat !== null && depth < 50 && (pid === process.pid || (stat.ppid > 1 && this.isOurs(stat.ppid, depth + 1)));
    this.known.set(pid, ours && stat ? stat.key : null);
    return ours;
  }
}

/** A process's parent, identity (`pid:starttime`) and own CPU ticks; null once it is gone. */
function readStat(pid: number): { ppid: number; key: string; ticks: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(f[1]), key: `${pid}:${f[19]}`, ticks: Number(f[11]) + Number(f[12]) };
  } catch {
    return null;
  }
}

export interface Contention {
  /** Share of the machine's CPU (all cores) other processes used, mean over the run, %. */
  meanPct: number;
  /** Highest share over one sampling interval, %. */
  maxPct: number;
  samples: number;
}

/** How often the sampler looks (the "max over" interval in the reports). */
export const CONTENTION_INTERVAL_S = 1;

export function watchContention(intervalMs = CONTENTION_INTERVAL_S * 1000): () => Contention {
  if (!safe(() => readFileSync('/proc/stat'))) return () => ({ meanPct: Number.NaN, maxPct: Number.NaN, samples: 0 });
  const capacity = (ms: number) => (ms / TICK_MS) * os.cpus().length;
  const tree = new TreeTicks();
  let last = { t: performance.now(), busy: machineBusyTicks(), own: tree.sample() };
  const start = last;
  let maxPct = 0;
  let samples = 0;
  const timer = setInterval(() => {
    const now = { t: performance.now(), busy: machineBusyTicks(), own: tree.sample() };
    const foreign = Math.max(0, now.busy - last.busy - (now.own - last.own));
    maxPct = Math.max(maxPct, (foreign / capacity(now.t - last.t)) * 100);
    samples++;
    last = now;
  }, intervalMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    const now = { t: performance.now(), busy: machineBusyTicks(), own: tree.sample() };
    const foreign = Math.max(0, now.busy - start.busy - (now.own - start.own));
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
