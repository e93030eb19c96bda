import type { Role } from '@baton/shared-types';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../ui/Avatar';
import { ChevronDownIcon } from '../../ui/icons';
import { Menu } from '../../ui/Menu';
import { useAuth, useSession } from './AuthContext';

export function UserMenu({ role, color }: { role: Role | null; color: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { logout } = useAuth();
  const ref = useRef<HTMLButtonElement>(null);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const open = anchor !== null;
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
          items={[{ key: 'logout', label: t('user.logout'), onSelect: () => logout() }]}
          testId="user-menu-list"
        />
      ) : null}
    </>
  );
}
