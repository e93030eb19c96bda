import type { AttachmentRef } from '@baton/shared-types';
import { useCallback, useEffect, useRef, useState } from 'react';
import { uploadAttachment, uploadProblem } from '../../api/attachments';

export type UploadState =
  | { status: 'idle' }
  | { status: 'uploading'; name: string; progress: number }
  | { status: 'done'; attachment: AttachmentRef }
  /** `problem` is turned into words when shown (so a language switch re-translates it): see uploadErrorText. */
  | { status: 'error'; name: string; problem: unknown };

interface Target {
  boardId: string;
  cardId: string;
  token: string;
}

/** Uploads one file at a time to a card, with progress and errors in words; cancelled on unmount. */
export function useUpload({ boardId, cardId, token }: Target, onUploaded?: (attachment: AttachmentRef) => void) {
  const [state, setState] = useState<UploadState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const onUploadedRef = useRef(onUploaded);
  useEffect(() => {
    onUploadedRef.current = onUploaded;
  });
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    (file: File, kind: string) => {
      const problem = uploadProblem(file);
      if (problem) {
        setState({ status: 'error', name: file.name, problem });
        return;
      }
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      setState({ status: 'uploading', name: file.name, progress: 0 });
      uploadAttachment({
        boardId,
        cardId,
        kind,
        file,
        token,
        signal: abort.signal,
        onProgress: (progress) => setState((s) => (s.status === 'uploading' ? { ...s, progress } : s)),
      }).then(
        (attachment) => {
          if (abort.signal.aborted) return;
          setState({ status: 'done', attachment });
          onUploadedRef.current?.(attachment);
        },
        (error: unknown) => {
          if (abort.signal.aborted) return;
          setState({ status: 'error', name: file.name, problem: error });
        },
      );
    },
    [boardId, cardId, token],
  );

  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, start, reset };
}
