import { ChecklistIcon } from './icons';
import { TipButton } from './Tooltip';

interface Props {
  id: string;
  label: string;
  color: string;
  count: number;
  countLabel: string;
  total: string;
  /** The stage's entry gate, when it has one: what a card needs to enter. */
  gate?: { label: string; title: string; items: readonly string[]; footer?: string | undefined } | undefined;
  /** "3 / 5" when the stage has a WIP limit. */
  wip?: { limit: number; full: boolean; label: string } | undefined;
  /** While the board is filtered: how many of the column's deals are shown ("3 stuck"). */
  shown?: { label: string; tone: string } | undefined;
}

export function ColumnHeader({ id, label, color, count, countLabel, total, gate, wip, shown }: Props) {
  return (
    <header className="column-header" style={{ ['--stage-color' as string]: color }}>
      <div className="column-title-row">
        <span className="column-dot" aria-hidden="true" />
        <h2 className="column-title" id={`column-title-${id}`}>
          {label}
        </h2>
        {gate ? (
          <TipButton label={gate.label} title={gate.title} items={gate.items} footer={gate.footer} className="column-gate" testId={`column-gate-${id}`}>
            <ChecklistIcon />
          </TipButton>
        ) : null}
        <span className={`column-count ${wip?.full ? 'is-full' : ''}`} title={wip?.label ?? countLabel} aria-label={wip?.label ?? countLabel} data-testid={`column-count-${id}`}>
          {wip ? `${count} / ${wip.limit}` : count}
        </span>
      </div>
      <div className="column-total">
        {total}
        {shown ? (
          <span className={`column-shown tone-${shown.tone}`} data-testid={`column-shown-${id}`}>
            {shown.label}
          </span>
        ) : null}
      </div>
    </header>
  );
}
