import { initials } from './initials';

interface Props {
  name: string;
  color: string;
  size?: 'sm' | 'md';
  /** Tooltip (and accessible name) */
  title?: string;
  badge?: string;
}

export function Avatar({ name, color, size = 'md', title, badge }: Props) {
  return (
    <span className={`avatar avatar-${size}`} style={{ background: color }} title={title ?? name} aria-label={title ?? name} role="img">
      <span aria-hidden="true">{initials(name)}</span>
      {badge ? (
        <span className="avatar-badge" aria-hidden="true">
          {badge}
        </span>
      ) : null}
    </span>
  );
}
