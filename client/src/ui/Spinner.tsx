import type { ReactNode } from 'react';

export function Spinner({ label }: { label?: string }) {
  return (
    <span className="spinner-wrap" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ? <span className="spinner-label">{label}</span> : null}
    </span>
  );
}

export function FullPageMessage({ children }: { children: ReactNode }) {
  return <div className="full-page-message">{children}</div>;
}
