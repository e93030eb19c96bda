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
  const key = card && CARD_RIGHTS[actor.role].own.includes(action) ? 'perm.ownOnly' : 'perm.roleCannot';
  // The same few sentences for most cards of a board (a rep may not move other people's deals): made once per `t`.
  let texts = refusalTexts.get(t);
  if (!texts) refusalTexts.set(t, (texts = new Map()));
  const cacheKey = `${key}|${actor.role}|${action}`;
  let text = texts.get(cacheKey);
  if (text === undefined) {
    text = t(key, { role: t(`roles.${actor.role}`), verb: t(`perm.verbs.${action}`) });
    texts.set(cacheKey, text);
  }
  return text;
}

const refusalTexts = new WeakMap<TFunction, Map<string, string>>();
