import { ATTACHMENT_KINDS, attachmentKindLabel, type AttachmentRef } from '@baton/shared-types';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n';
import { DownloadIcon, TrashIcon } from '../../ui/icons';
import { formatBytes } from './uploadErrors';
import { dateFormat } from '../../lib/dateFormat';

interface Props {
  attachment: AttachmentRef;
  language: Language;
  locale: string;
  uploader: string;
  editable: boolean;
  pending: boolean;
  onDownload(): void;
  onRetag(kind: string): void;
  onRemove(): void;
}

const extension = (name: string) => (name.includes('.') ? (name.split('.').pop() ?? '').slice(0, 4).toUpperCase() : 'FILE');

/** One file on a card: name, kind, size, who and when; download, retag and remove (with a confirm). */
export function AttachmentItem({ attachment: a, language, locale, uploader, editable, pending, onDownload, onRetag, onRemove }: Props) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const when = dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(a.at);
  const kinds = a.kind in ATTACHMENT_KINDS ? Object.keys(ATTACHMENT_KINDS) : [a.kind, ...Object.keys(ATTACHMENT_KINDS)];
  return (
    <li className={`attachment ${pending ? 'is-pending' : ''}`} data-testid={`attachment-${a.name}`} data-kind={a.kind}>
      <span className="attachment-icon" aria-hidden="true">
        {extension(a.name)}
      </span>
      <div className="attachment-main">
        <button type="button" className="attachment-name" title={t('files.download', { name: a.name })} onClick={onDownload}>
          {a.name}
        </button>
        <div className="attachment-meta">
          {formatBytes(a.size, locale)} · {t('files.by', { name: uploader })} · <time dateTime={new Date(a.at).toISOString()}>{when}</time>
        </div>
        {editable ? (
          <select className="input input-sm attachment-kind" aria-label={t('files.kindOf', { name: a.name })} value={a.kind} data-testid={`attachment-kind-${a.name}`} onChange={(e) => onRetag(e.target.value)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {attachmentKindLabel(k)[language]}
              </option>
            ))}
          </select>
        ) : (
          <span className="kind-chip">{attachmentKindLabel(a.kind)[language]}</span>
        )}
      </div>
      <div className="attachment-actions">
        <button type="button" className="icon-btn icon-btn-sm" aria-label={t('files.download', { name: a.name })} title={t('files.download', { name: a.name })} onClick={onDownload}>
          <DownloadIcon />
        </button>
        {editable && !confirming ? (
          <button type="button" className="icon-btn icon-btn-sm icon-btn-danger" aria-label={t('files.remove', { name: a.name })} title={t('files.remove', { name: a.name })} data-testid={`attachment-remove-${a.name}`} onClick={() => setConfirming(true)}>
            <TrashIcon />
          </button>
        ) : null}
      </div>
      {confirming ? (
        <div className="attachment-confirm" role="group" aria-label={t('files.removeConfirm', { name: a.name })}>
          <span>{t('files.removeConfirm', { name: a.name })}</span>
          <button type="button" className="btn btn-ghost btn-sm" autoFocus onClick={() => setConfirming(false)}>
            {t('files.keep')}
          </button>
          <button
            type="button"
            className="btn btn-danger btn-sm"
            data-testid={`attachment-remove-confirm-${a.name}`}
            onClick={() => {
              setConfirming(false);
              onRemove();
            }}
          >
            {t('files.removeYes')}
          </button>
        </div>
      ) : null}
    </li>
  );
}
