import { CONTENT_FIELD } from '@baton/shared-types/ydoc';
import type { AnyExtension } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import Placeholder from '@tiptap/extension-placeholder';
import { useEditor, type Editor } from '@tiptap/react';
import { useEffect, useMemo, useRef } from 'react';
import { i18n } from '../../../i18n';
import type { CardDocConnection } from '../../../sync/cardDocHooks';
import { documentSchema } from './schema';

interface Options {
  conn: CardDocConnection;
  /** Only a `read-write` connection that has received the document may type. */
  editable: boolean;
  /** How the user's caret is labelled (the server replaces it with the authenticated identity). */
  user: { name: string; color: string };
  boardId: string;
  token: string;
  /** Extensions of this document only (e.g. the pack's traffic lights); memoise the array. */
  extra?: AnyExtension[];
  label: string;
  testId: string;
}

/**
 * A tiptap editor on a card document's rich text (`content`), with live carets of everyone in
 * it. Not editable unless `editable`: a read-only reader gets text, never a box that swallows
 * keystrokes (and the server drops whatever such a connection sends anyway).
 */
export function useCollabEditor({ conn, editable, user, boardId, token, extra, label, testId }: Options): Editor | null {
  const editableRef = useRef(editable);
  const extensions = useMemo(
    () => [
      ...documentSchema({ boardId, token }),
      Collaboration.configure({ document: conn.doc, field: CONTENT_FIELD }),
      // The carets need the awareness only; the provider itself stays inside sync/.
      CollaborationCaret.configure({ provider: { awareness: conn.awareness }, user }),
      Placeholder.configure({
        placeholder: ({ node }) => i18n.t(node.type.name === 'requirement' ? 'handoff.editor.requirementPlaceholder' : 'handoff.editor.placeholder'),
      }),
      ...(extra ?? []),
    ],
    [conn, boardId, token, user, extra],
  );

  // The editor is created once per connection (later option changes are ignored by useEditor).
  const editor = useEditor(
    {
      extensions,
      editable: false,
      editorProps: {
        attributes: () => ({
          class: 'doc-editor',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          'aria-readonly': String(!editableRef.current),
          'data-testid': testId,
        }),
      },
    },
    [conn],
  );

  useEffect(() => {
    editableRef.current = editable;
    if (editor && !editor.isDestroyed && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.commands.updateUser(user);
  }, [editor, user]);

  return editor;
}
