import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  open: boolean;
  title: string;
  description?: ReactNode;
  onClose(): void;
  children: ReactNode;
  variant?: 'modal' | 'drawer';
  closeLabel: string;
  className?: string;
  testId?: string;
}

/**
 * A native modal <dialog>: focus is trapped and restored by the browser, Escape closes.
 * The drawer variant slides in from the right.
 */
export function Dialog({ open, title, description, onClose, children, variant = 'modal', closeLabel, className, testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);

  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      return () => {
        if (dialog.open) dialog.close();
        // Give focus back to what opened the dialog, if it is still on the page.
        if (opener && opener.isConnected) opener.focus({ preventScroll: true });
      };
    }
    return undefined;
  }, [open]);

  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${variant} ${className ?? ''}`}
      aria-labelledby="dialog-title"
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onCloseRef.current();
      }}
      onMouseDown={(e) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (e.target === e.currentTarget) onCloseRef.current();
      }}
    >
      <div className="dialog-inner">
        <header className="dialog-header">
          <div>
            <h2 id="dialog-title" className="dialog-title">
              {title}
            </h2>
            {description ? <p className="dialog-description">{description}</p> : null}
          </div>
          <button type="button" className="icon-btn" aria-label={closeLabel} onClick={() => onCloseRef.current()}>
            ×
          </button>
        </header>
        {children}
      </div>
    </dialog>
  );
}
