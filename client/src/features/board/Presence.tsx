import { useTranslation } from 'react-i18next';
import { usePresence } from '../../sync/hooks';
import { PresenceAvatars, type PresenceEntry } from '../../ui/PresenceAvatars';

/** Who is on the board right now, from the server's presence messages. */
export function Presence({ myId }: { myId: string }) {
  const { t } = useTranslation();
  const users = usePresence();
  const entries: PresenceEntry[] = [...users]
    .sort((a, b) => (a.userId === myId ? -1 : b.userId === myId ? 1 : a.displayName.localeCompare(b.displayName)))
    .map((u) => {
      const tabs = u.connections > 1 ? ` · ${t('presence.tabs', { count: u.connections })}` : '';
      const entry: PresenceEntry = {
        id: u.userId,
        name: u.displayName,
        color: u.color,
        tooltip: `${u.displayName}${u.userId === myId ? ` ${t('presence.you')}` : ''} · ${t(`roles.${u.role}`, { defaultValue: u.role })}${tabs}`,
      };
      if (u.connections > 1) entry.badge = String(u.connections);
      return entry;
    });
  return <PresenceAvatars users={entries} label={t('presence.label')} />;
}
