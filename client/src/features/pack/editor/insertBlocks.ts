import type { Node as PMNode } from '@tiptap/pm/model';
import type { Editor } from '@tiptap/react';
import { placeBlocks } from './placement';

/**
 * Where an insert from the toolbar goes: at the cursor while the user is working in the text
 * (the toolbar keeps the editor's focus), else at the end of the template's section for it.
 */
export const insertTarget = (editor: Editor): 'cursor' | 'section' => (editor.isFocused ? 'cursor' : 'section');

/** Inserts blocks at the cursor or at the end of a section (the cursor when the section is gone). */
export function insertBlocks(editor: Editor, blocks: readonly PMNode[], section: RegExp, where: 'cursor' | 'section'): void {
  const tr = (where === 'section' ? placeBlocks(editor.state, blocks, section) : null) ?? placeBlocks(editor.state, blocks, 'cursor');
  if (!tr) return;
  editor.view.dispatch(tr);
  editor.commands.focus(undefined, { scrollIntoView: true });
}
