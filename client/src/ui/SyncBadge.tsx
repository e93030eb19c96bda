import { useId } from 'react';
import { TipBubble } from './Tooltip';

export type SyncTone = 'ok' | 'busy' | 'warn' | 'offline' | 'error';

interface Props {
  tone: SyncTone;
  state: string;
  label: string;
  detail?: string | undefined;
  /** Accessible description and the tooltip's heading. */
  title: string;
  /** What is waiting to be sent, one line each (the tooltip's list). */
  items?: readonly string[];
  /** How many changes are waiting (outbox + documents), for tests and styling. */
  waiting?: number;
}

/** Connection + outbox status, e.g. "All changes saved" or "Offline · 2 changes waiting"; hover or focus lists what waits. */
export function SyncBadge({ tone, state, label, detail, title, items = [], waiting = 0 }: Props) {
  const id = useId();
  return (
    <span className="tip sync-tip">
      <div
        className={`sync-badge tone-${tone}`}
        data-testid="sync-badge"
        data-state={state}
        data-waiting={waiting}
        role="status"
        aria-live="polite"
        aria-describedby={id}
        tabIndex={0}
      >
        <span className="sync-dot" aria-hidden="true" />
        <span className="sync-label">{label}</span>
        {detail ? <span className="sync-detail">· {detail}</span> : null}
      </div>
      <TipBubble id={id} title={title} items={items} />
    </span>
  );
}
