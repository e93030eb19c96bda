import { useMemo } from 'react';
import { useBoardView } from '../../sync/hooks';

/**
 * A number that changes whenever one of the customer's deals changes on the board (a move, an
 * edit, a file, new colour counts, a plan version), so the timeline reloads while it is open.
 */
export function useTimelineVersion(customer: string): number {
  const view = useBoardView();
  return useMemo(() => {
    const wanted = customer.trim().toLowerCase();
    let hash = 0;
    for (const card of view.cards.values()) {
      if (card.customer.trim().toLowerCase() !== wanted) continue;
      const h = card.handoff;
      const key = `${card.id}:${card.stage}:${card.updatedAt}:${card.attachments.length}:${h ? `${h.submissions}.${h.planVersions}.${h.reviewedAt}.${h.counts.red}.${h.counts.yellow}.${h.counts.green}.${h.counts.unset}` : ''}`;
      for (let i = 0; i < key.length; i++) hash = (Math.imul(hash, 31) + key.charCodeAt(i)) | 0;
    }
    return hash >>> 0;
  }, [view.cards, customer]);
}
