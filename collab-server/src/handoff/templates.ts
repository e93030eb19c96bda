import { cardDocName, type Card } from '@baton/shared-types';
import { hasTemplate, packTemplate, planContent, writePackTemplate, writePlanTemplate } from '@baton/shared-types/ydoc';
import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import type { DocAccess } from '../boards/docAccess';
import { serverOrigin } from '../boards/origins';

/** Writes the pack template into a pack document that lacks it (never twice). */
export function fillPack(doc: Y.Doc, card: Card): boolean {
  if (hasTemplate(doc)) return false;
  let written = false;
  doc.transact(() => {
    written = writePackTemplate(doc, packTemplate(card, randomUUID));
  }, serverOrigin('command', 'pack-template'));
  return written;
}

/** Writes the plan's section headings into an empty plan document. */
export function fillPlan(doc: Y.Doc): boolean {
  if (planContent(doc).length > 0) return false;
  let written = false;
  doc.transact(() => {
    written = writePlanTemplate(doc);
  }, serverOrigin('command', 'plan-template'));
  return written;
}

/**
 * Once a card has a handoff, its pack and plan get their templates — generated from the deal
 * by the server, once. Runs in the board's command queue, so two people creating the pack at
 * the same moment never get it twice (and the document itself records that it has one).
 */
export async function ensureHandoffTemplates(docs: DocAccess, boardId: string, cardId: string): Promise<void> {
  const card = await docs.readCard(boardId, cardId);
  if (!card?.handoff) return;
  await docs.withDoc(cardDocName('pack', cardId), (doc) => fillPack(doc, card));
  await docs.withDoc(cardDocName('plan', cardId), (doc) => fillPlan(doc));
}
