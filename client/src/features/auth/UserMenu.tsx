import { canDoOnBoard, type Role, type UserId } from '@baton/shared-types';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../ui/Avatar';
import { ChevronDownIcon } from '../../ui/icons';
import { boardPath, navigate, settingsPath, stagesPath, useRoute } from '../../lib/router';
import { Menu, type MenuItem } from '../../ui/Menu';
import { useAuth, useSession } from './AuthContext';

/** The account menu: who is signed in, the stage editor and board settings (ops and admins) and sign-out. */
export function UserMenu({ role, color, boardId }: { role: Role | null; color: string; boardId: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { logout } = useAuth();
  const ref = useRef<HTMLButtonElement>(null);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const open = anchor !== null;
  const route = useRoute();
  const mayConfigure = role !== null && canDoOnBoard({ userId: user.id as UserId, role }, 'configureStages').ok;
  const items: MenuItem[] = [];
  if (route.name !== 'board') items.push({ key: 'board', label: t('stages.backToBoard'), onSelect: () => navigate(boardPath(boardId)) });
  if (route.name !== 'stages' && mayConfigure) items.push({ key: 'stages', label: t('stages.menu'), onSelect: () => navigate(stagesPath(boardId)) });
  if (route.name !== 'settings' && mayConfigure) items.push({ key: 'settings', label: t('settings.menu'), onSelect: () => navigate(settingsPath(boardId)) });
  items.push({ key: 'logout', label: t('user.logout'), separatorBefore: items.length > 0, onSelect: () => logout() });
  const close = useCallback((focus: boolean) => {
    setAnchor(null);
    if (focus) ref.current?.focus();
  }, []);
  return (
    <>
      <button ref={ref} type="button" className="user-button" aria-haspopup="menu" aria-expanded={open} aria-label={t('user.menu')} onClick={(e) => setAnchor(open ? null : e.currentTarget)} data-testid="user-menu">
        <Avatar name={user.displayName} color={color} size="sm" />
        <span className="user-name">{user.displayName}</span>
        <ChevronDownIcon />
      </button>
      {anchor ? (
        <Menu
          anchor={anchor}
          label={t('user.menu')}
          onClose={close}
          notice={
            <span>
              {t('user.signedInAs', { name: user.displayName })}
              {role ? (
                <>
                  <br />
                  <span className="muted">{t('user.role', { role: t(`roles.${role}`) })}</span>
                </>
              ) : null}
            </span>
          }
          items={items}
          testId="user-menu-list"
        />
      ) : null}
    </>
  );
}
