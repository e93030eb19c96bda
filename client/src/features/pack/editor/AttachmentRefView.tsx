import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../../../ui/Spinner';
import type { AttachmentRefOptions } from './AttachmentRef';
import { useAttachmentFile } from './useAttachmentFile';

/** A screenshot in the pack: fetched from the card's files with the user's token. */
export function AttachmentRefView({ node, extension, selected }: ReactNodeViewProps) {
  const { t } = useTranslation();
  const { boardId, token } = extension.options as AttachmentRefOptions;
  const attachmentId = String(node.attrs.attachmentId ?? '');
  const name = String(node.attrs.name ?? '');
  const file = useAttachmentFile(boardId, attachmentId, token);

  let body;
  if (file === null) body = <Spinner label={t('handoff.screenshot.loading')} />;
  else if (!file.ok) {
    body = (
      <span className="attachment-ref-missing" role="note">
        {file.status === 404 ? t('handoff.screenshot.gone', { name }) : t('handoff.screenshot.failed', { name })}
      </span>
    );
  } else if (file.image) body = <img src={file.url} alt={name} className="attachment-ref-img" draggable={false} />;
  else {
    body = (
      <a className="attachment-ref-file" href={file.url} download={name}>
        {t('handoff.screenshot.download', { name })}
      </a>
    );
  }
  return (
    <NodeViewWrapper as="figure" className={`attachment-ref ${selected ? 'is-selected' : ''}`} data-testid="attachment-ref" data-attachment-id={attachmentId}>
      <div className="attachment-ref-frame">{body}</div>
      <figcaption className="attachment-ref-name">{name}</figcaption>
    </NodeViewWrapper>
  );
}
