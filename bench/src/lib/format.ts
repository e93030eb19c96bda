import type { Spread } from './stats';

/** A number with a sensible number of digits for a table cell. */
export function num(value: number, digits?: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const d = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return value.toFixed(d);
}

/** "median (min–max) unit" for a figure measured over several runs; one run prints just the value. */
export function fmtSpread(s: Spread | null, unit = '', digits?: number): string {
  if (!s) return 'n/a';
  const u = unit ? ` ${unit}` : '';
  if (s.runs === 1 || s.min === s.max) return `${num(s.median, digits)}${u}`;
  return `${num(s.median, digits)} (${num(s.min, digits)}–${num(s.max, digits)})${u}`;
}

export function mb(bytes: number): number {
  return bytes / (1024 * 1024);
}
