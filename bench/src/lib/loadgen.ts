/** The load generator's own health over a window: CPU and event-loop delay, so a saturated generator shows. */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { clientCpu, collectGarbage } from './cpu';

const eld = monitorEventLoopDelay({ resolution: 5 });
eld.enable();

export interface LoadGenWindow {
  cpuPct: number;
  eldP99: number;
}

/**
 * Starts a window, after a full GC unless `collect` is false; call the result to end it. Never
 * collect while moves are in flight: a full GC of a generator holding hundreds of clients
 * stops it for 100–150 ms, and every frame that arrives meanwhile is timed that much late.
 */
export function loadGenWindow({ collect = true }: { collect?: boolean } = {}): () => LoadGenWindow {
  if (collect) collectGarbage();
  eld.reset();
  const cpu = clientCpu();
  return () => ({ cpuPct: cpu(), eldP99: eld.percentile(99) / 1e6 });
}
