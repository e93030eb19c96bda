import type { PlanSection } from '@baton/shared-types/ydoc';
import type { TFunction } from 'i18next';
import type { CommandStatus } from '../../sync/useTrackedCommands';

type Refused = Extract<CommandStatus, { state: 'refused' }>;

/**
 * Why the server refused a handoff command, in the UI language (its own message is English):
 * the sections a plan lacks, a missing requirement, a role that may not, else the reason's words.
 */
export function handoffRefusal(command: 'createPack' | 'submitPack' | 'postPlan', refused: Refused, t: TFunction): string {
  const missing = refused.details?.missingSections;
  if (command === 'postPlan' && Array.isArray(missing) && missing.length > 0) {
    const sections = (missing as PlanSection[]).map((s) => t(`handoff.plan.sections.${s}`, { defaultValue: s })).join(t('handoff.listSeparator'));
    return t('handoff.plan.refusedMissing', { sections });
  }
  const wrap = { createPack: 'handoff.empty.failed', submitPack: 'handoff.status.refused', postPlan: 'handoff.plan.refused' }[command];
  return t(wrap, { message: reasonWords(command, refused, t) });
}

function reasonWords(command: 'createPack' | 'submitPack' | 'postPlan', refused: Refused, t: TFunction): string {
  if (refused.reason === 'forbidden') {
    if (command === 'postPlan') return t('handoff.plan.notAllowed');
    if (command === 'submitPack') return t('handoff.status.notAllowed');
  }
  if (command === 'createPack' && refused.reason === 'conflict') return t('handoff.empty.notYet');
  if (command === 'submitPack' && /requirement/i.test(refused.message)) return t('handoff.status.needsRequirement');
  if (command === 'postPlan' && /no handoff pack/i.test(refused.message)) return t('handoff.plan.noPack');
  return t(`reject.reasons.${refused.reason}`, { defaultValue: refused.message });
}
