import { countLights, listRequirements, missingPlanSections, readLights, type Light, type LightCounts } from '@baton/shared-types/ydoc';
import { useMemo } from 'react';
import type * as Y from 'yjs';
import { useCardDoc, useDocValue, type CardDocConnection } from '../../sync/cardDocHooks';

const lightsRecord = (doc: Y.Doc): Record<string, Light> => Object.fromEntries(readLights(doc));

export interface PackDocs {
  pack: CardDocConnection;
  review: CardDocConnection;
  plan: CardDocConnection;
  requirements: ReturnType<typeof listRequirements>;
  lights: ReadonlyMap<string, Light>;
  /** Counted live from the documents (the card's counts follow a moment later). */
  counts: LightCounts;
  missingSections: ReturnType<typeof missingPlanSections>;
}

/** The three documents of a deal's handoff, open together (switching tabs is instant), and what they say. */
export function usePackDocs(cardId: string, token: string): PackDocs {
  const pack = useCardDoc('pack', cardId, token);
  const review = useCardDoc('review', cardId, token);
  const plan = useCardDoc('plan', cardId, token);
  const requirements = useDocValue(pack.doc, listRequirements);
  const record = useDocValue(review.doc, lightsRecord);
  const lights = useMemo(() => new Map(Object.entries(record)), [record]);
  const counts = useMemo(() => countLights(requirements, lights), [requirements, lights]);
  const missingSections = useDocValue(plan.doc, missingPlanSections);
  return { pack, review, plan, requirements, lights, counts, missingSections };
}
