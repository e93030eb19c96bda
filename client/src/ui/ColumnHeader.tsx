interface Props {
  id: string;
  label: string;
  color: string;
  count: number;
  countLabel: string;
  total: string;
}

export function ColumnHeader({ id, label, color, count, countLabel, total }: Props) {
  return (
    <header className="column-header" style={{ ['--stage-color' as string]: color }}>
      <div className="column-title-row">
        <span className="column-dot" aria-hidden="true" />
        <h2 className="column-title" id={`column-title-${id}`}>
          {label}
        </h2>
        <span className="column-count" title={countLabel} aria-label={countLabel}>
          {count}
        </span>
      </div>
      <div className="column-total">{total}</div>
    </header>
  );
}
