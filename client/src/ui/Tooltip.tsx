import { useId, useState, type ReactNode } from 'react';

interface TipProps {
  /** The text of the tip: a heading line and a list of items. */
  title: string;
  items: readonly string[];
  /** Extra line under the list (e.g. a WIP limit). */
  footer?: string | undefined;
  className?: string;
  children: ReactNode;
}

/** The bubble itself: a heading and a list, as a `role="tooltip"` element. */
export function TipBubble({ id, title, items, footer }: { id: string; title: string; items: readonly string[]; footer?: string | undefined }) {
  return (
    <span role="tooltip" id={id} className="tip-bubble">
      <span className="tip-title">{title}</span>
      {items.length > 0 ? (
        <span className="tip-list">
          {items.map((item) => (
            <span key={item} className="tip-item">
              {item}
            </span>
          ))}
        </span>
      ) : null}
      {footer ? <span className="tip-footer">{footer}</span> : null}
    </span>
  );
}

/**
 * A small button that shows a tooltip on hover and keyboard focus, and keeps it open on click
 * (for touch); Escape closes it. The tooltip describes the button for screen readers.
 */
export function TipButton({ title, items, footer, className, children, label, testId }: TipProps & { label: string; testId?: string }) {
  const id = useId();
  const [pinned, setPinned] = useState(false);
  return (
    <span className={`tip ${pinned ? 'is-pinned' : ''} ${className ?? ''}`} onMouseLeave={() => setPinned(false)}>
      <button
        type="button"
        className="tip-trigger"
        aria-label={label}
        aria-describedby={id}
        aria-expanded={pinned}
        data-testid={testId}
        onClick={() => setPinned((p) => !p)}
        onBlur={() => setPinned(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && pinned) {
            e.stopPropagation();
            setPinned(false);
          }
        }}
      >
        {children}
      </button>
      <TipBubble id={id} title={title} items={items} footer={footer} />
    </span>
  );
}

/** A non-focusable badge with a hover tooltip, for places inside a focusable card (the card names it). */
export function TipBadge({ id, title, items, className, children }: TipProps & { id: string }) {
  return (
    <span className={`tip ${className ?? ''}`}>
      {children}
      <TipBubble id={id} title={title} items={items} />
    </span>
  );
}
