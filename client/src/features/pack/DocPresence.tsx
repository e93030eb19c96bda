import { useTranslation } from 'react-i18next';
import { useDocPeople, type CardDocConnection } from '../../sync/cardDocHooks';
import { PresenceAvatars } from '../../ui/PresenceAvatars';

/** Who has this document open right now (the server vouches for each name). */
export function DocPresence({ conn }: { conn: CardDocConnection }) {
  const { t } = useTranslation();
  const people = useDocPeople(conn);
  const entries = [...people]
    .sort((a, b) => (a.self ? -1 : b.self ? 1 : a.name.localeCompare(b.name)))
    .map((p) => ({
      id: p.id,
      name: p.name,
      color: p.color,
      tooltip: `${t('handoff.editor.hereTooltip', { name: p.name, role: t(`roles.${p.role}`, { defaultValue: p.role }) })}${p.self ? ` ${t('presence.you')}` : ''}`,
    }));
  if (entries.length === 0) return null;
  return <PresenceAvatars users={entries} label={t('handoff.editor.here')} />;
}
