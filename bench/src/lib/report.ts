/** Helpers to turn per-run figures into table cells and target verdicts. */
import { fmtSpread } from './format';
import { spread } from './stats';

export type Verdict = 'PASS' | 'MISS' | 'n/a';

export const cell = (values: readonly number[] | undefined, unit = '', digits?: number) => (values && values.length > 0 ? fmtSpread(spread(values), unit, digits) : 'n/a');

export const median = (values: readonly number[] | undefined) => (values ? (spread(values)?.median ?? Number.NaN) : Number.NaN);

/** PASS when every comparable check holds, n/a when none could be made. */
export function verdict(checks: Array<boolean | null>): Verdict {
  const made = checks.filter((c): c is boolean => c !== null);
  if (made.length === 0) return 'n/a';
  return made.every(Boolean) ? 'PASS' : 'MISS';
}

/** a <= b, or null when either is not a number. */
export const atMost = (a: number, b: number): boolean | null => (Number.isFinite(a) && Number.isFinite(b) ? a <= b : null);

/** Runs one peer's part of a scenario; a failure is logged and noted, and the other peers still run. */
export async function guard(log: (line: string) => void, notes: string[], label: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    log(`  ${label} failed: ${message}`);
    notes.push(`${label} failed: ${message}`);
  }
}
