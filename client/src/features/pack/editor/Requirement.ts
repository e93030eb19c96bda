import { NODES } from '@baton/shared-types/ydoc';
import { mergeAttributes, Node } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { uuid } from '../../../lib/uuid';
import { requirementIdsPlugin } from './requirementIds';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    requirement: {
      /** Turns an empty paragraph into a requirement, or adds one after the current block. */
      addRequirement: () => ReturnType;
    };
  }
}

/**
 * A requirement of the handoff pack: a block of text with a stable `reqId` (the key of its
 * traffic light in the review document). The id never travels with a split: the new half gets
 * none, and the id plugin gives it a fresh one.
 */
export const Requirement = Node.create({
  name: NODES.requirement,
  group: 'block',
  content: 'inline*',
  defining: true,

  addAttributes() {
    return {
      reqId: {
        default: null,
        keepOnSplit: false,
        parseHTML: (el) => el.getAttribute('data-req-id'),
        renderHTML: (attrs) => (attrs.reqId ? { 'data-req-id': attrs.reqId as string } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-type="requirement"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-type': 'requirement', class: 'pack-req' }), 0];
  },

  addCommands() {
    return {
      addRequirement:
        () =>
        ({ state, tr, dispatch }) => {
          const { $from } = state.selection;
          const block = $from.parent;
          if (block.type.name === 'paragraph' && block.content.size === 0 && $from.depth === 1) {
            if (dispatch) tr.setNodeMarkup($from.before(), this.type, { reqId: null });
            return true;
          }
          const at = $from.depth === 0 ? state.doc.content.size : $from.after(1);
          if (dispatch) {
            tr.insert(at, this.type.create({ reqId: null }));
            tr.setSelection(TextSelection.near(tr.doc.resolve(at + 1)));
            tr.scrollIntoView();
          }
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    return [requirementIdsPlugin({ newId: uuid, isEditable: () => this.editor.isEditable })];
  },

  addKeyboardShortcuts() {
    return {
      // Enter at the end of a requirement starts the next one; in an empty one it ends the list.
      Enter: ({ editor }) => {
        const { $from, empty } = editor.state.selection;
        if (!empty || $from.parent.type !== this.type) return false;
        if ($from.parent.content.size === 0) return editor.commands.setNode('paragraph');
        if ($from.parentOffset === 0) {
          // At the start: a new requirement above; the text keeps its id (and colour).
          return editor.commands.command(({ tr }) => {
            tr.insert($from.before(), this.type.create({ reqId: null }));
            return true;
          });
        }
        if ($from.parentOffset === $from.parent.content.size) {
          return editor.commands.command(({ tr }) => {
            const at = $from.after();
            tr.insert(at, this.type.create({ reqId: null }));
            tr.setSelection(TextSelection.near(tr.doc.resolve(at + 1)));
            return true;
          });
        }
        return false;
      },
    };
  },
});
