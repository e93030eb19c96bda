export interface ToastItem {
  id: string;
  tone: 'info' | 'success' | 'error';
  title: string;
  body?: string | undefined;
  detail?: string | undefined;
  action?: { label: string; run(): void } | undefined;
}

interface Props {
  toasts: readonly ToastItem[];
  dismissLabel: string;
  onDismiss(id: string): void;
}

/** Bottom-right notifications. Errors are announced assertively, the rest politely. */
export function ToastStack({ toasts, dismissLabel, onDismiss }: Props) {
  return (
    <div className="toast-stack">
      <div aria-live="polite" className="toast-region">
        {toasts.filter((t) => t.tone !== 'error').map((t) => (
          <Toast key={t.id} toast={t} dismissLabel={dismissLabel} onDismiss={onDismiss} />
        ))}
      </div>
      <div aria-live="assertive" className="toast-region">
        {toasts.filter((t) => t.tone === 'error').map((t) => (
          <Toast key={t.id} toast={t} dismissLabel={dismissLabel} onDismiss={onDismiss} />
        ))}
      </div>
    </div>
  );
}

function Toast({ toast, dismissLabel, onDismiss }: { toast: ToastItem; dismissLabel: string; onDismiss(id: string): void }) {
  return (
    <div className={`toast toast-${toast.tone}`} data-testid="toast" data-tone={toast.tone} role={toast.tone === 'error' ? 'alert' : 'status'}>
      <div className="toast-body">
        <div className="toast-title">{toast.title}</div>
        {toast.body ? <div className="toast-text">{toast.body}</div> : null}
        {toast.detail ? <div className="toast-detail">{toast.detail}</div> : null}
      </div>
      {toast.action ? (
        <button
          type="button"
          className="btn btn-ghost btn-sm toast-action"
          onClick={() => {
            toast.action?.run();
            onDismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      ) : null}
      <button type="button" className="icon-btn toast-close" aria-label={dismissLabel} onClick={() => onDismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}
