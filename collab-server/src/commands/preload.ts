import type { AttachmentRecord, Store } from '@baton/persistence';
import { cardDocName, type Command } from '@baton/shared-types';
import { listRequirements, missingPlanSections } from '@baton/shared-types/ydoc';
import type { DocAccess } from '../boards/docAccess';
import type { DecisionContext } from './context';

export interface Preloaded {
  upload: AttachmentRecord | null;
  handoffDocs: DecisionContext['handoffDocs'];
}

/** Reads what a command's decision needs from outside the board document. */
export async function preload(command: Command, store: Store, docs: DocAccess): Promise<Preloaded> {
  const out: Preloaded = { upload: null, handoffDocs: { requirements: null, planMissing: null } };
  if (command.type === 'attachFile') out.upload = await store.getAttachment(command.attachmentId);
  if (command.type === 'submitPack') {
    out.handoffDocs.requirements = await docs.withDoc(cardDocName('pack', command.cardId), (doc) => listRequirements(doc).length);
  }
  if (command.type === 'postPlan') {
    out.handoffDocs.planMissing = await docs.withDoc(cardDocName('plan', command.cardId), (doc) => missingPlanSections(doc));
  }
  return out;
}
