import { openForNextStage, type Card } from '@baton/shared-types';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadAttachment } from '../../api/attachments';
import { ApiError } from '../../api/http';
import { useBoardView, useSubmit } from '../../sync/hooks';
import { useBoard } from '../board/BoardContext';
import { refusalText } from '../board/permissions';
import { AttachmentItem } from './AttachmentItem';
import { UploadRow } from './UploadRow';

/** The card's files in the drawer: list, download, retag, remove, and upload (for those who may edit it). */
export function AttachmentsPanel({ card, token }: { card: Card; token: string }) {
  const { t } = useTranslation();
  const board = useBoard();
  const submit = useSubmit();
  const { pending } = useBoardView();
  const [error, setError] = useState<string | null>(null);
  const refusal = refusalText(board.actor, 'edit', card, t);
  const editable = refusal === null && !card.archived;
  const nextKind = openForNextStage(board.stages, card).find((m) => m.requirement.kind === 'attachment')?.requirement;
  const suggested = nextKind?.kind === 'attachment' ? nextKind.attachmentKind : 'other';

  const download = (a: Card['attachments'][number]) => {
    setError(null);
    downloadAttachment(board.boardId, a, token).catch((e: unknown) =>
      setError(t('files.downloadFailed', { name: a.name, message: e instanceof ApiError ? e.message : String(e) })),
    );
  };

  return (
    <div className="attachments-panel" data-testid="attachments-panel">
      {card.attachments.length === 0 ? (
        <p className="muted attachments-empty">{t('files.empty')}</p>
      ) : (
        <ul className="attachment-list">
          {[...card.attachments]
            .sort((a, b) => b.at - a.at)
            .map((a) => (
              <AttachmentItem
                key={a.id}
                attachment={a}
                language={board.language}
                locale={board.locale}
                uploader={board.members.get(a.uploadedBy)?.displayName ?? a.uploadedBy}
                editable={editable}
                pending={pending.has(card.id)}
                onDownload={() => download(a)}
                onRetag={(kind) => submit({ type: 'tagAttachment', cardId: card.id, attachmentId: a.id, kind })}
                onRemove={() => submit({ type: 'detachFile', cardId: card.id, attachmentId: a.id })}
              />
            ))}
        </ul>
      )}
      {error ? (
        <p className="file-error" role="alert">
          {error}
        </p>
      ) : null}
      {editable ? (
        <UploadRow key={suggested} boardId={board.boardId} cardId={card.id} token={token} language={board.language} suggestedKind={suggested} />
      ) : (
        <p className="notice notice-muted">{card.archived ? t('drawer.archivedNote') : t('files.readOnly', { reason: refusal })}</p>
      )}
    </div>
  );
}
