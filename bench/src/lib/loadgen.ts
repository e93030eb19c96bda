/** The load generator's own health over a window: CPU and event-loop delay, so a saturated generator shows. */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { clientCpu, collectGarbage } from './cpu';

const eld = monitorEventLoopDelay({ resolution: 5 });
eld.enable();

export interface LoadGenWindow {
  cpuPct: number;
  eldP99: number;
}

/** Starts a window (after a full GC); call the result to end it. */
export function loadGenWindow(): () => LoadGenWindow {
  collectGarbage();
  eld.reset();
  const cpu = clientCpu();
  return () => ({ cpuPct: cpu(), eldP99: eld.percentile(99) / 1e6 });
}
