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
  /** SLA state when not ok: amber when due soon, red when breached, with the rule in words. */
  health?: { tone: 'dueSoon' | 'breached'; rule: string; label: string; title: string } | undefined;
  /** No stage progress for too long. */
  stuck?: { label: string; title: string } | undefined;
  /** Unread alerts the user has about this deal. */
  alert?: { count: number; label: string } | undefined;
  /** What was said at standup (only the prompts that have text). */
  notes?: { title: string; lines: ReadonlyArray<{ key: string; label: string; text: string }> } | undefined;
}

/** The face of a deal card: customer, title, amount, health, standup notes, owner, days in stage. */
export function CardTile(p: CardTileProps) {
  return (
    <div className="card-tile">
      <div className="card-top">
        <span className="card-customer" title={p.customer}>
          {p.customer}
        </span>
        {p.alert ? <AlertBadge {...p.alert} /> : null}
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
      {p.health || p.stuck ? (
        <div className="card-health" data-testid="card-health">
          {p.stuck ? (
            <span className="health-chip is-stuck" title={p.stuck.title} data-testid="card-stuck">
              <span className="health-dot" aria-hidden="true" />
              {p.stuck.label}
            </span>
          ) : null}
          {p.health ? (
            <span className={`health-chip is-${p.health.tone}`} title={p.health.title} data-testid="card-sla" data-state={p.health.tone} data-rule={p.health.rule}>
              <ClockIcon />
              {p.health.label}
            </span>
          ) : null}
        </div>
      ) : null}
      {p.notes ? (
        <div className="card-notes" data-testid="card-notes">
          <span className="card-notes-title">{p.notes.title}</span>
          {p.notes.lines.map((line) => (
            <span key={line.key} className="card-note" data-prompt={line.key}>
              <span className="card-note-label">{line.label}</span> {line.text}
            </span>
          ))}
        </div>
      ) : null}
      <div className="card-footer">
        <span className="card-owner" title={`${p.ownerLabel}: ${p.ownerName}`}>
          <Avatar name={p.ownerName} color={p.ownerColor} size="sm" title={`${p.ownerLabel}: ${p.ownerName}`} />
          <span className="card-owner-name">{p.ownerName}</span>
        </span>
        <span className={p.stuck ? 'card-days is-stuck' : 'card-days'}>{p.days}</span>
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

/** A small bell with the number of unread alerts about the deal. */
function AlertBadge({ count, label }: NonNullable<CardTileProps['alert']>) {
  return (
    <span className="card-alert" title={label} aria-label={label} role="img" data-testid="card-alert" data-count={count}>
      <svg width="11" height="11" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path fill="currentColor" d="M8 1.5a4.5 4.5 0 0 0-4.5 4.5v2.6L2 11v1h12v-1l-1.5-2.4V6A4.5 4.5 0 0 0 8 1.5ZM6.2 13a1.8 1.8 0 0 0 3.6 0z" />
      </svg>
      {count > 1 ? <span className="card-alert-count">{count}</span> : null}
    </span>
  );
}

function ClockIcon() {
  return (
    <svg width="11" height="11" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm0 1.5a5 5 0 1 1 0 10A5 5 0 0 1 8 3Zm-.75 1.5v4.06l3.1 1.86.77-1.28-2.37-1.42V4.5z" />
    </svg>
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
