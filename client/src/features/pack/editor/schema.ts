import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { AttachmentRef, type AttachmentRefOptions } from './AttachmentRef';
import { DecisionRow } from './DecisionRow';
import { PlanSections } from './PlanSections';
import { Requirement } from './Requirement';

/**
 * The rich-text schema of the handoff documents, the same for the pack and the plan and equal to
 * what the server reads and writes (shared-types `ydoc/richText.ts`): headings (levels 2–3, with
 * the plan's `section`), paragraphs, bullet lists, bold and italic, requirements, decision rows
 * and attachment references. Anything else is left out: a node the schema does not know would
 * be deleted from the shared document by the editor binding.
 *
 * Also off: the editor's own history (Collaboration brings a Yjs-aware undo) and the trailing
 * paragraph, which every client would add at once and duplicate.
 */
export function documentSchema(attachments: AttachmentRefOptions): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      trailingNode: false,
      heading: { levels: [2, 3] },
      blockquote: false,
      codeBlock: false,
      code: false,
      horizontalRule: false,
      hardBreak: false,
      orderedList: false,
      strike: false,
      underline: false,
      link: false,
    }),
    PlanSections,
    Requirement,
    DecisionRow,
    AttachmentRef.configure(attachments),
  ];
}
