import type { ReactNode } from 'react';
import { Avatar } from './Avatar';
import { LightCounts, type LightTally } from './LightCounts';
import { TipBadge } from './Tooltip';

export interface CardTileProps {
  title: string;
  customer: string;
  amount: string | null;
  noAmountLabel: string;
  ownerName: string;
  ownerColor: string;
  ownerLabel: string;
  days: string;
  dealType?: string | undefined;
  pending: boolean;
  pendingLabel: string;
  pendingTitle: string;
  /** Why the user may not move the card; null when they may. */
  lockedReason: string | null;
  lockedLabel: string;
  /** What the card still needs for the next stage: a short label, and a tooltip listing the items. */
  todo?: { id: string; label: string; title: string; items: readonly string[] } | undefined;
  /** The "Move to…" control. */
  actions?: ReactNode;
  /** The deal's handoff pack: requirement colour counts, opening the pack on click. */
  pack?: { counts: LightTally; labels: Record<keyof LightTally, string>; label: string; onOpen(): void } | undefined;
}

/** The face of a deal card: customer, title, amount, owner, days in stage. */
export function CardTile(p: CardTileProps) {
  return (
    <div className="card-tile">
      <div className="card-top">
        <span className="card-customer" title={p.customer}>
          {p.customer}
        </span>
        {p.pack ? <PackBadge {...p.pack} /> : null}
        {p.pending ? (
          <span className="card-pending" title={p.pendingTitle}>
            <span className="card-pending-dot" aria-hidden="true" />
            {p.pendingLabel}
          </span>
        ) : null}
        {p.lockedReason ? (
          <span className="card-lock" title={p.lockedReason} aria-label={p.lockedLabel}>
            <LockIcon />
          </span>
        ) : null}
      </div>
      <div className="card-title">{p.title}</div>
      <div className="card-amount-row">
        <span className={p.amount ? 'card-amount' : 'card-amount is-empty'}>{p.amount ?? p.noAmountLabel}</span>
        {p.dealType ? <span className="card-tag">{p.dealType}</span> : null}
        {p.todo ? (
          <TipBadge id={p.todo.id} title={p.todo.title} items={p.todo.items} className="card-todo-tip">
            <span className="card-todo" data-testid="card-todo">
              {p.todo.label}
            </span>
          </TipBadge>
        ) : null}
      </div>
      <div className="card-footer">
        <span className="card-owner" title={`${p.ownerLabel}: ${p.ownerName}`}>
          <Avatar name={p.ownerName} color={p.ownerColor} size="sm" title={`${p.ownerLabel}: ${p.ownerName}`} />
          <span className="card-owner-name">{p.ownerName}</span>
        </span>
        <span className="card-days">{p.days}</span>
        {p.actions}
      </div>
    </div>
  );
}

/** The pack's red / yellow / green counts on the card (red stands out); opens the pack. */
function PackBadge({ counts, labels, label, onOpen }: NonNullable<CardTileProps['pack']>) {
  const total = counts.red + counts.yellow + counts.green + counts.unset;
  return (
    <button
      type="button"
      className={`card-pack ${counts.red > 0 ? 'has-red' : ''}`}
      aria-label={label}
      title={label}
      data-testid="card-pack"
      data-red={counts.red}
      onClick={(e) => {
        e.stopPropagation();
        onOpen();
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <PackIcon />
      {total > 0 ? <LightCounts counts={counts} labels={labels} size="sm" testId="card-lights" /> : null}
    </button>
  );
}

function PackIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M4 1.5h5.5L13 5v9.5H4a1 1 0 0 1-1-1v-11a1 1 0 0 1 1-1Zm5 1.2V5.5h2.8zM5.5 8h5v1.2h-5zm0 2.5h5v1.2h-5z" />
    </svg>
  );
}

function LockIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M8 1a3.5 3.5 0 0 0-3.5 3.5V6H4a1.5 1.5 0 0 0-1.5 1.5v6A1.5 1.5 0 0 0 4 15h8a1.5 1.5 0 0 0 1.5-1.5v-6A1.5 1.5 0 0 0 12 6h-.5V4.5A3.5 3.5 0 0 0 8 1Zm2 5H6V4.5a2 2 0 1 1 4 0V6Z"
      />
    </svg>
  );
}
