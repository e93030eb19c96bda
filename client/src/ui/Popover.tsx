import { useCallback, useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

interface Props {
  anchor: HTMLElement;
  /** Accessible name of the panel. */
  label: string;
  width: number;
  onClose(returnFocus: boolean): void;
  children: ReactNode;
  className?: string;
  testId?: string;
}

/**
 * A non-modal panel under a header button, in a portal: Escape, a click outside or tabbing away
 * closes it (Escape gives focus back to the button). The content decides what to focus first.
 */
export function Popover({ anchor, label, width, onClose, children, className, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);

  // Positioned straight on the element (under the anchor, kept inside the window).
  const place = useCallback(() => {
    const panel = ref.current;
    if (!panel) return;
    const rect = anchor.getBoundingClientRect();
    panel.style.left = `${Math.max(8, Math.min(rect.right - width, window.innerWidth - width - 8))}px`;
    panel.style.top = `${rect.bottom + 6}px`;
  }, [anchor, width]);

  useLayoutEffect(place, [place]);

  useEffect(() => {
    const panel = ref.current;
    if (!panel) return;
    const onPointerDown = (e: PointerEvent) => {
      if (!panel.contains(e.target as Node) && !anchor.contains(e.target as Node)) onClose(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      onClose(true);
    };
    window.addEventListener('resize', place);
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('resize', place);
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('keydown', onKey);
    };
  }, [anchor, onClose, place]);

  return createPortal(
    <div
      ref={ref}
      role="dialog"
      aria-label={label}
      className={`popover ${className ?? ''}`}
      style={{ width, top: -9999, left: -9999 }}
      data-testid={testId}
      onBlur={(e) => {
        // Tabbing out of the panel (not into it, nor back to its button) closes it.
        const next = e.relatedTarget as Node | null;
        if (next && !e.currentTarget.contains(next) && !anchor.contains(next)) onClose(false);
      }}
    >
      {children}
    </div>,
    document.body,
  );
}
