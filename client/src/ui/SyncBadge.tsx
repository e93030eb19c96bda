export type SyncTone = 'ok' | 'busy' | 'warn' | 'offline' | 'error';

interface Props {
  tone: SyncTone;
  state: string;
  label: string;
  detail?: string | undefined;
  title: string;
}

/** Connection + outbox status, e.g. "All changes saved" or "Offline · 2 changes waiting". */
export function SyncBadge({ tone, state, label, detail, title }: Props) {
  return (
    <div className={`sync-badge tone-${tone}`} data-testid="sync-badge" data-state={state} role="status" aria-live="polite" title={title}>
      <span className="sync-dot" aria-hidden="true" />
      <span className="sync-label">{label}</span>
      {detail ? <span className="sync-detail">· {detail}</span> : null}
    </div>
  );
}
