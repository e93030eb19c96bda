import type { Boards } from './lib/prepare';
import type { PeerSpec } from './lib/peers';
import type { Table } from './lib/table';
import type { Settings } from './settings';

/** What every scenario gets from run.ts. */
export interface BenchContext {
  settings: Settings;
  boards: Boards;
  peers: readonly PeerSpec[];
  log(line: string): void;
}

export interface ScenarioResult {
  tables: Table[];
  /** Target verdicts for the summary: [target, verdict, evidence]. */
  verdicts: Array<[string, 'PASS' | 'MISS' | 'n/a', string]>;
}
