export interface LightTally {
  red: number;
  yellow: number;
  green: number;
  unset: number;
}

interface Props {
  counts: LightTally;
  /** Words for each colour, e.g. "High risk". */
  labels: Record<keyof LightTally, string>;
  /** Show colours with a zero count too (headers); cards show only what is there. */
  showZero?: boolean;
  size?: 'sm' | 'md';
  testId?: string;
}

const ORDER = ['red', 'yellow', 'green', 'unset'] as const;

/** Red / yellow / green (and not rated) requirement counts as coloured dots with numbers; red stands out. */
export function LightCounts({ counts, labels, showZero = false, size = 'md', testId }: Props) {
  const shown = ORDER.filter((c) => showZero || counts[c] > 0);
  return (
    <span className={`light-counts size-${size}`} data-testid={testId}>
      {shown.map((color) => (
        <span key={color} className={`light-count is-${color} ${counts[color] > 0 ? 'has-some' : ''}`} title={`${labels[color]}: ${counts[color]}`} data-testid={testId ? `${testId}-${color}` : undefined} data-count={counts[color]}>
          <span className="light-dot" aria-hidden="true" />
          <span className="light-num">{counts[color]}</span>
          <span className="visually-hidden">{labels[color]}</span>
        </span>
      ))}
    </span>
  );
}
