import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export interface MenuItem {
  key: string;
  label: string;
  disabled?: boolean;
  separatorBefore?: boolean;
  accent?: string;
  hint?: string;
  onSelect(): void;
}

interface Props {
  anchor: HTMLElement;
  label: string;
  items: readonly MenuItem[];
  /** Shown above the items, e.g. why they are disabled. */
  notice?: ReactNode;
  onClose(returnFocus: boolean): void;
  testId?: string;
}

const WIDTH = 248;

/** A small popup menu in a portal (so scrolling containers don't clip it), fully keyboard operable. */
export function Menu({ anchor, label, items, notice, onClose, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);

  const place = useCallback(() => {
    const rect = anchor.getBoundingClientRect();
    const height = ref.current?.offsetHeight ?? 240;
    const left = Math.max(8, Math.min(rect.right - WIDTH, window.innerWidth - WIDTH - 8));
    const below = rect.bottom + 4;
    const top = below + height > window.innerHeight - 8 ? Math.max(8, rect.top - height - 4) : below;
    setPosition((p) => (p && p.top === top && p.left === left ? p : { top, left }));
  }, [anchor]);

  useLayoutEffect(place, [place]);

  useEffect(() => {
    const menu = ref.current;
    if (!menu) return;
    const first = menu.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])');
    (first ?? menu).focus();
    const onPointerDown = (e: PointerEvent) => {
      if (!menu.contains(e.target as Node) && !anchor.contains(e.target as Node)) onClose(false);
    };
    // Follow the button when something scrolls; close only when it is gone.
    let frame = 0;
    const onScroll = (e: Event) => {
      if (menu.contains(e.target as Node)) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => (anchor.isConnected ? place() : onClose(false)));
    };
    const onResize = onScroll;
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('scroll', onScroll, true);
    window.addEventListener('resize', onResize);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('scroll', onScroll, true);
      window.removeEventListener('resize', onResize);
      cancelAnimationFrame(frame);
    };
  }, [anchor, onClose, place]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const nodes = Array.from(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const index = nodes.indexOf(document.activeElement as HTMLElement);
    const focusAt = (i: number) => nodes[(i + nodes.length) % nodes.length]?.focus();
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        focusAt(index + 1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        focusAt(index < 0 ? nodes.length - 1 : index - 1);
        break;
      case 'Home':
        e.preventDefault();
        focusAt(0);
        break;
      case 'End':
        e.preventDefault();
        focusAt(nodes.length - 1);
        break;
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        onClose(true);
        break;
      case 'Tab':
        onClose(true);
        break;
    }
  };

  return createPortal(
    <div
      ref={ref}
      className="menu"
      role="menu"
      aria-label={label}
      tabIndex={-1}
      data-testid={testId}
      style={{ width: WIDTH, top: position?.top ?? -9999, left: position?.left ?? -9999 }}
      onKeyDown={(e) => {
        onKeyDown(e);
        // The menu lives in a portal, but React bubbles its events through the card that owns it.
        e.stopPropagation();
      }}
      onPointerDown={(e) => e.stopPropagation()}
      onClick={(e) => e.stopPropagation()}
    >
      {notice ? <div className="menu-notice">{notice}</div> : null}
      {items.map((item) => (
        <div key={item.key}>
          {item.separatorBefore ? <div className="menu-separator" role="separator" /> : null}
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            aria-disabled={item.disabled ? 'true' : undefined}
            data-key={item.key}
            onClick={() => {
              if (item.disabled) return;
              item.onSelect();
              onClose(true);
            }}
          >
            {item.accent ? <span className="menu-accent" style={{ background: item.accent }} aria-hidden="true" /> : null}
            <span className="menu-text">
              <span className="menu-label">{item.label}</span>
              {item.hint ? <span className="menu-hint">{item.hint}</span> : null}
            </span>
          </button>
        </div>
      ))}
    </div>,
    document.body,
  );
}
