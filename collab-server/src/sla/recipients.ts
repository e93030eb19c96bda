import { SLA_RECIPIENTS, type Card, type SlaRule } from '@baton/shared-types';
import type { MemberInfo } from '../boards/directory';

/** The people an alert goes to: the rule's named recipients, resolved on this board. */
export function recipientsFor(rule: SlaRule, card: Pick<Card, 'ownerId'>, members: ReadonlyMap<string, MemberInfo>): string[] {
  const out = new Set<string>();
  for (const who of SLA_RECIPIENTS[rule]) {
    if (who === 'owner') out.add(card.ownerId);
    else if (who === 'ownerManager') {
      const manager = members.get(card.ownerId)?.user.managerId;
      if (manager && members.has(manager)) out.add(manager);
    } else {
      for (const [id, m] of members) if (m.role === who) out.add(id);
    }
  }
  return [...out];
}
