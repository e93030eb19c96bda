import { canActOnCard, CARD_RIGHTS, type CardAction, type Role, type UserId } from '@baton/shared-types';
import type { TFunction } from 'i18next';

export interface Actor {
  userId: string;
  role: Role;
}

/**
 * Why `actor` may not do `action` (on `card`), in the UI language; null when allowed.
 * Uses the same rule function the server runs.
 */
export function refusalText(actor: Actor | null, action: CardAction, card: { ownerId: string } | undefined, t: TFunction): string | null {
  if (!actor) return t('reject.reasons.unauthenticated');
  const result = canActOnCard({ userId: actor.userId as UserId, role: actor.role }, action, card);
  if (result.ok) return null;
  const params = { role: t(`roles.${actor.role}`), verb: t(`perm.verbs.${action}`) };
  return card && CARD_RIGHTS[actor.role].own.includes(action) ? t('perm.ownOnly', params) : t('perm.roleCannot', params);
}
