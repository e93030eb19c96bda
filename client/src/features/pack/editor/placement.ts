import type { Node as PMNode } from '@tiptap/pm/model';
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';

/** The pack template's sections, matched by heading text (English or Chinese templates). */
export const PACK_SECTIONS = {
  words: /own words|原话/i,
  screenshots: /screenshot|截图/i,
  decisions: /decision chain|决策链/i,
  notes: /meeting notes|会议纪要/i,
  requirements: /^requirements$|^需求/i,
} as const;

export interface SectionRange {
  /** Right after the heading. */
  from: number;
  /** Before the next heading of the same or a higher level, or the end of the document. */
  to: number;
}

/** Where the section under the first top-level heading matching `pattern` lies; null without one. */
export function sectionRange(doc: PMNode, pattern: RegExp): SectionRange | null {
  let offset = 0;
  let found: { from: number; level: number } | null = null;
  for (let i = 0; i < doc.childCount; i++) {
    const node = doc.child(i);
    if (node.type.name === 'heading') {
      const level = Number(node.attrs.level) || 2;
      if (found && level <= found.level) return { from: found.from, to: offset };
      if (!found && pattern.test(node.textContent.trim())) found = { from: offset + node.nodeSize, level };
    }
    offset += node.nodeSize;
  }
  return found ? { from: found.from, to: doc.content.size } : null;
}

/** After the top-level block holding the cursor (the end of the document when it is nowhere). */
export function afterCurrentBlock(state: EditorState): number {
  const { $from } = state.selection;
  return $from.depth === 0 ? Math.min($from.pos, state.doc.content.size) : $from.after(1);
}

const isEmptyParagraph = (node: PMNode | null | undefined) => !!node && node.type.name === 'paragraph' && node.content.size === 0;

/**
 * Inserts blocks at the end of a section (replacing the section's lone empty paragraph, as the
 * template leaves one), or after the current block (replacing it if it is an empty paragraph).
 * Returns null when `where` names a section the document lacks.
 */
export function placeBlocks(state: EditorState, blocks: readonly PMNode[], where: 'cursor' | RegExp): Transaction | null {
  const tr = state.tr;
  let from: number;
  let to: number;
  if (where === 'cursor') {
    const { $from } = state.selection;
    const current = $from.depth >= 1 ? $from.node(1) : null;
    to = afterCurrentBlock(state);
    from = isEmptyParagraph(current) ? $from.before(1) : to;
  } else {
    const range = sectionRange(state.doc, where);
    if (!range) return null;
    const only = range.to > range.from ? state.doc.nodeAt(range.from) : null;
    const lone = only && range.from + only.nodeSize === range.to && isEmptyParagraph(only);
    from = lone ? range.from : range.to;
    to = range.to;
  }
  tr.replaceWith(from, to, blocks);
  const end = from + blocks.reduce((size, b) => size + b.nodeSize, 0);
  tr.setSelection(TextSelection.near(tr.doc.resolve(Math.max(0, end - 1)), -1));
  return tr.scrollIntoView();
}

/** A pasted transcript as paragraphs: one per non-empty line. */
export function transcriptLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}
