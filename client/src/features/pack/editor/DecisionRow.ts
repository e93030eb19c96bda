import { NODES, type DECISION_ROLES } from '@baton/shared-types/ydoc';
import { mergeAttributes, Node } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { DecisionRowView } from './DecisionRowView';

export type DecisionRole = (typeof DECISION_ROLES)[number];

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    decisionRow: {
      /** Adds a row to the decision chain: after its last row, else after the current block. */
      addDecisionRow: (role?: DecisionRole) => ReturnType;
    };
  }
}

const attr = (name: string, fallback: string) => ({
  default: fallback,
  parseHTML: (el: HTMLElement) => el.getAttribute(`data-${name}`) ?? fallback,
  renderHTML: (attrs: Record<string, unknown>) => ({ [`data-${name}`]: String(attrs[name] ?? '') }),
});

/** One person of the decision chain: who decides, influences or signs. Edited as a small form. */
export const DecisionRow = Node.create({
  name: NODES.decisionRow,
  group: 'block',
  atom: true,
  selectable: true,

  addAttributes() {
    return { role: attr('role', 'influences'), name: attr('name', ''), title: attr('title', '') };
  },

  parseHTML() {
    return [{ tag: 'div[data-type="decision-row"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-type': 'decision-row' })];
  },

  addNodeView() {
    return ReactNodeViewRenderer(DecisionRowView);
  },

  addCommands() {
    return {
      addDecisionRow:
        (role = 'influences') =>
        ({ state, tr, dispatch }) => {
          let at = -1;
          state.doc.descendants((node, pos) => {
            if (node.type === this.type) at = pos + node.nodeSize;
            return node.isBlock && node.type !== this.type;
          });
          if (at < 0) {
            const { $from } = state.selection;
            at = $from.depth === 0 ? state.doc.content.size : $from.after(1);
          }
          if (dispatch) {
            tr.insert(at, this.type.create({ role, name: '', title: '' }));
            tr.setSelection(NodeSelection.create(tr.doc, at));
            tr.scrollIntoView();
          }
          return true;
        },
    };
  },
});
