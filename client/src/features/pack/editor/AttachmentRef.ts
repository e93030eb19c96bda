import { NODES } from '@baton/shared-types/ydoc';
import { mergeAttributes, Node } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { ReactNodeViewRenderer } from '@tiptap/react';
import { AttachmentRefView } from './AttachmentRefView';

export interface AttachmentRefOptions {
  boardId: string;
  token: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    attachmentRef: {
      /** Shows an uploaded file in the document, by reference, at `at` (a block boundary). */
      insertAttachmentRef: (attrs: { attachmentId: string; name: string }, at: number) => ReturnType;
    };
  }
}

const attr = (name: string, data: string) => ({
  default: '',
  parseHTML: (el: HTMLElement) => el.getAttribute(data) ?? '',
  renderHTML: (attrs: Record<string, unknown>) => ({ [data]: String(attrs[name] ?? '') }),
});

/**
 * A screenshot (or any file) of the deal shown in the pack by reference: the document holds the
 * attachment's id and name, never its bytes; the view fetches the file with the user's token.
 */
export const AttachmentRef = Node.create<AttachmentRefOptions>({
  name: NODES.attachmentRef,
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addOptions() {
    return { boardId: '', token: '' };
  },

  addAttributes() {
    return { attachmentId: attr('attachmentId', 'data-attachment-id'), name: attr('name', 'data-name') };
  },

  parseHTML() {
    return [{ tag: 'figure[data-type="attachment-ref"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['figure', mergeAttributes(HTMLAttributes, { 'data-type': 'attachment-ref' })];
  },

  addNodeView() {
    return ReactNodeViewRenderer(AttachmentRefView);
  },

  addCommands() {
    return {
      insertAttachmentRef:
        (attrs, at) =>
        ({ tr, dispatch }) => {
          if (dispatch) {
            tr.insert(at, this.type.create(attrs));
            tr.setSelection(NodeSelection.create(tr.doc, at));
            tr.scrollIntoView();
          }
          return true;
        },
    };
  },
});
