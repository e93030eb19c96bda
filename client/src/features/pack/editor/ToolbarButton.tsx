import type { ReactNode } from 'react';

interface Props {
  label: string;
  title?: string | undefined;
  active?: boolean;
  disabled?: boolean;
  wide?: boolean;
  testId?: string;
  onClick(): void;
  children: ReactNode;
}

/** A toolbar button that leaves the editor's selection (and focus) where it was. */
export function ToolbarButton({ label, title, active, disabled, wide, testId, onClick, children }: Props) {
  return (
    <button
      type="button"
      className={`tb-btn ${wide ? 'is-wide' : ''} ${active ? 'is-active' : ''}`}
      aria-label={wide ? undefined : label}
      aria-pressed={active === undefined ? undefined : active}
      title={title ?? label}
      disabled={disabled}
      data-testid={testId}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

export const ToolbarDivider = () => <span className="tb-divider" aria-hidden="true" />;
