import { cardDocName, type Card } from '@baton/shared-types';
import { hasTemplate, packTemplate, planContent, writePackTemplate, writePlanTemplate } from '@baton/shared-types/ydoc';
import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import type { DocAccess } from '../boards/docAccess';
import { serverOrigin } from '../boards/origins';

/** Whether a pack or plan document still lacks the template the server writes into it. */
export const lacksTemplate = (kind: 'pack' | 'plan', doc: Y.Doc): boolean => (kind === 'pack' ? !hasTemplate(doc) : planContent(doc).length === 0);

/** Writes the pack template into a pack document that lacks it (never twice). */
export function fillPack(doc: Y.Doc, card: Card): boolean {
  if (!lacksTemplate('pack', doc)) return false;
  let written = false;
  doc.transact(() => {
    written = writePackTemplate(doc, packTemplate(card, randomUUID));
  }, serverOrigin('command', 'pack-template'));
  return written;
}

/** Writes the plan's section headings into an empty plan document. */
export function fillPlan(doc: Y.Doc): boolean {
  if (!lacksTemplate('plan', doc)) return false;
  let written = false;
  doc.transact(() => {
    written = writePlanTemplate(doc);
  }, serverOrigin('command', 'plan-template'));
  return written;
}

/**
 * Once a card has a handoff, its pack and plan get their templates, generated from the deal by
 * the server, once. A document gets its template when it loads (see loadCardDocument, which
 * needs no help); this fills the ones already loaded in this process (opened before the
 * handoff existed, or loading while it was created), each checked and filled in one
 * synchronous step. Nothing is loaded here: creating a pack costs the board's queue nothing.
 */
export async function fillLoadedTemplates(docs: DocAccess, boardId: string, cardId: string): Promise<void> {
  const pack = await docs.ifLoaded(cardDocName('pack', cardId));
  const plan = await docs.ifLoaded(cardDocName('plan', cardId));
  if (!pack && !plan) return;
  const card = await docs.readCard(boardId, cardId);
  if (!card?.handoff) return;
  if (pack) fillPack(pack, card);
  if (plan) fillPlan(plan);
}
