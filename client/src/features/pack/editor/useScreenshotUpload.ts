import type { Editor } from '@tiptap/react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadAttachment, uploadProblem } from '../../../api/attachments';
import { uploadErrorText } from '../../attachments/uploadErrors';
import { insertBlocks, insertTarget } from './insertBlocks';
import { PACK_SECTIONS } from './placement';

/**
 * "Add screenshot": uploads the image to the deal as a `screenshot` attachment, then shows it in
 * the pack by reference (an `attachmentRef` holding its id). The bytes never enter the document.
 */
export function useScreenshotUpload(editor: Editor | null, target: { boardId: string; cardId: string; token: string }) {
  const { t } = useTranslation();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { boardId, cardId, token } = target;

  /** Where the screenshot will go, decided when the button is pressed (the file picker takes the focus). */
  const [where, setWhere] = useState<'cursor' | 'section'>('section');
  const choose = useCallback(() => {
    if (editor) setWhere(insertTarget(editor));
  }, [editor]);

  const upload = useCallback(
    async (file: File) => {
      if (!editor) return;
      const problem = uploadProblem(file);
      if (problem) {
        setError(uploadErrorText(problem, file.name, t));
        return;
      }
      setUploading(true);
      setError(null);
      try {
        const attachment = await uploadAttachment({ boardId, cardId, kind: 'screenshot', file, token });
        if (editor.isDestroyed) return;
        const node = editor.schema.nodes.attachmentRef?.create({ attachmentId: attachment.id, name: attachment.name });
        if (node) insertBlocks(editor, [node], PACK_SECTIONS.screenshots, where);
      } catch (e) {
        setError(uploadErrorText(e, file.name, t));
      } finally {
        setUploading(false);
      }
    },
    [editor, boardId, cardId, token, t, where],
  );

  return { choose, upload, uploading, error, clearError: () => setError(null) };
}
