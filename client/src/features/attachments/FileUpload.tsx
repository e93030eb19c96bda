import type { AttachmentRef } from '@baton/shared-types';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCEPT_ATTRIBUTE } from '../../api/attachments';
import { CheckIcon, PaperclipIcon } from '../../ui/icons';
import { formatBytes, uploadErrorText } from './uploadErrors';
import { useUpload } from './useUpload';

interface Props {
  boardId: string;
  cardId: string;
  token: string;
  /** The kind the upload is tagged with (e.g. the kind a gate requires). */
  kind: string;
  locale: string;
  /** A file of this kind already on the card (shown with a tick). */
  existing?: AttachmentRef | undefined;
  onUploaded?(attachment: AttachmentRef): void;
  disabled?: boolean;
  /** Accessible name of the button, e.g. "Attach Competitor comparison". */
  label: string;
  testId: string;
}

/** A file picker that uploads at once: progress while sending, a tick when on the card, errors in words. */
export function FileUpload({ boardId, cardId, token, kind, locale, existing, onUploaded, disabled = false, label, testId }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const { state, start } = useUpload({ boardId, cardId, token }, onUploaded);
  const shown = state.status === 'done' ? state.attachment : existing;
  const busy = state.status === 'uploading';
  return (
    <div className="file-upload" data-testid={`${testId}-box`} data-state={busy ? 'uploading' : shown ? 'done' : state.status}>
      <input
        ref={input}
        type="file"
        hidden
        accept={ACCEPT_ATTRIBUTE}
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) start(file, kind);
        }}
      />
      {busy ? (
        <div className="file-progress" role="status" aria-live="polite">
          <span className="spinner spinner-sm" aria-hidden="true" />
          <span className="file-name">{state.name}</span>
          <span className="file-bar" aria-hidden="true">
            <span style={{ width: `${Math.round(state.progress * 100)}%` }} />
          </span>
          <span className="visually-hidden">{t('files.uploading', { name: state.name, percent: Math.round(state.progress * 100) })}</span>
        </div>
      ) : shown ? (
        <div className="file-done" data-testid={`${testId}-done`}>
          <span className="file-tick" aria-hidden="true">
            <CheckIcon />
          </span>
          <span className="file-name" title={shown.name}>
            {shown.name}
          </span>
          <span className="file-size">{formatBytes(shown.size, locale)}</span>
        </div>
      ) : null}
      {busy ? null : (
        <button type="button" className="btn btn-ghost btn-sm" disabled={disabled} aria-label={label} onClick={() => input.current?.click()}>
          <PaperclipIcon />
          {shown ? t('files.another') : t('files.choose')}
        </button>
      )}
      {state.status === 'error' ? (
        <p className="file-error" role="alert">
          {uploadErrorText(state.problem, state.name, t)}
        </p>
      ) : null}
    </div>
  );
}
