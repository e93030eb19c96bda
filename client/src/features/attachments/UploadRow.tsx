import { ATTACHMENT_KINDS, attachmentKindLabel } from '@baton/shared-types';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCEPT_ATTRIBUTE } from '../../api/attachments';
import type { Language } from '../../i18n';
import { CheckIcon, PaperclipIcon } from '../../ui/icons';
import { uploadErrorText } from './uploadErrors';
import { useUpload } from './useUpload';

interface Props {
  boardId: string;
  cardId: string;
  token: string;
  language: Language;
  /** Kind preselected in the picker (e.g. what the next stage asks for). */
  suggestedKind: string;
}

/** Attach a file to the card: pick its kind, then the file; it uploads at once. */
export function UploadRow({ boardId, cardId, token, language, suggestedKind }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState(suggestedKind);
  const input = useRef<HTMLInputElement>(null);
  const { state, start } = useUpload({ boardId, cardId, token });
  return (
    <div className="upload-row" data-testid="upload-row">
      <div className="upload-controls">
        <select className="input input-sm" aria-label={t('files.kind')} value={kind} data-testid="upload-kind" onChange={(e) => setKind(e.target.value)}>
          {Object.keys(ATTACHMENT_KINDS).map((k) => (
            <option key={k} value={k}>
              {attachmentKindLabel(k)[language]}
            </option>
          ))}
        </select>
        <input
          ref={input}
          type="file"
          hidden
          accept={ACCEPT_ATTRIBUTE}
          data-testid="upload-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) start(file, kind);
          }}
        />
        <button type="button" className="btn btn-ghost btn-sm" disabled={state.status === 'uploading'} onClick={() => input.current?.click()}>
          <PaperclipIcon />
          {t('files.attach')}
        </button>
      </div>
      {state.status === 'uploading' ? (
        <div className="file-progress" role="status">
          <span className="spinner spinner-sm" aria-hidden="true" />
          <span className="file-name">{state.name}</span>
          <span className="file-bar" aria-hidden="true">
            <span style={{ width: `${Math.round(state.progress * 100)}%` }} />
          </span>
        </div>
      ) : state.status === 'done' ? (
        <p className="upload-done" role="status">
          <CheckIcon /> {t('files.uploaded', { name: state.attachment.name })}
        </p>
      ) : state.status === 'error' ? (
        <p className="file-error" role="alert">
          {uploadErrorText(state.problem, state.name, t)}
        </p>
      ) : (
        <p className="field-hint">{t('files.limits', { max: 10 })}</p>
      )}
    </div>
  );
}
