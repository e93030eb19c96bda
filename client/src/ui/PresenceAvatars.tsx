import { Avatar } from './Avatar';

export interface PresenceEntry {
  id: string;
  name: string;
  color: string;
  /** "Li Wei · Sales" */
  tooltip: string;
  badge?: string;
}

/** Overlapping avatars of the people on the board; the rest collapse into "+n". */
export function PresenceAvatars({ users, label, max = 6 }: { users: readonly PresenceEntry[]; label: string; max?: number }) {
  const shown = users.slice(0, max);
  const rest = users.slice(max);
  return (
    <div className="presence" data-testid="presence" aria-label={label} role="group" data-count={users.length}>
      {shown.map((u) => (
        <span key={u.id} className="presence-item" data-user-id={u.id}>
          <Avatar name={u.name} color={u.color} size="sm" title={u.tooltip} {...(u.badge ? { badge: u.badge } : {})} />
        </span>
      ))}
      {rest.length > 0 ? (
        <span className="presence-more" title={rest.map((u) => u.tooltip).join('\n')}>
          +{rest.length}
        </span>
      ) : null}
    </div>
  );
}
