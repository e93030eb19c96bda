import { ATTACHMENT_LIMITS, type AttachmentRef, type RejectReason } from '@baton/shared-types';
import { ApiError, notifyUnauthorized } from './http';

/** File name endings of the allowed types, for the file picker and for files the browser did not type. */
const TYPE_BY_EXTENSION: Record<string, (typeof ATTACHMENT_LIMITS.contentTypes)[number]> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  txt: 'text/plain',
  csv: 'text/csv',
  md: 'text/markdown',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
};

/** The `accept` attribute of file pickers: the server's allow-list plus the matching endings. */
export const ACCEPT_ATTRIBUTE = [...ATTACHMENT_LIMITS.contentTypes, ...Object.keys(TYPE_BY_EXTENSION).map((e) => `.${e}`)].join(',');

const ACCEPTED = new Set<string>(ATTACHMENT_LIMITS.contentTypes);

/** The content type the server will see: the browser's, or one derived from the name when it gave none. */
export function contentTypeOf(file: { name: string; type: string }): string {
  const declared = file.type.split(';')[0]?.trim().toLowerCase() ?? '';
  if (declared && declared !== 'application/octet-stream') return declared;
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  return TYPE_BY_EXTENSION[ext] ?? (declared || 'application/octet-stream');
}

export type UploadProblem = { kind: 'too_large' } | { kind: 'type'; contentType: string } | { kind: 'empty' };

/** What the server would refuse, checked before sending the bytes. */
export function uploadProblem(file: File): UploadProblem | null {
  if (file.size === 0) return { kind: 'empty' };
  if (file.size > ATTACHMENT_LIMITS.maxBytes) return { kind: 'too_large' };
  const type = contentTypeOf(file);
  return ACCEPTED.has(type) ? null : { kind: 'type', contentType: type };
}

interface UploadAnswer {
  attachment?: AttachmentRef;
  error?: { reason?: RejectReason; message?: string };
}

interface UploadOptions {
  boardId: string;
  cardId: string;
  kind: string;
  file: File;
  token: string;
  /** 0..1 while the bytes go out. */
  onProgress?(fraction: number): void;
  signal?: AbortSignal;
}

/** Uploads a file to a card (multipart `file` + `kind`); the server attaches it through a command. */
export function uploadAttachment({ boardId, cardId, kind, file, token, onProgress, signal }: UploadOptions): Promise<AttachmentRef> {
  const typed = contentTypeOf(file) === file.type ? file : new File([file], file.name, { type: contentTypeOf(file) });
  const body = new FormData();
  body.append('kind', kind);
  body.append('file', typed, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/boards/${encodeURIComponent(boardId)}/cards/${encodeURIComponent(cardId)}/attachments`);
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      let json: UploadAnswer | null = null;
      try {
        json = JSON.parse(xhr.responseText) as UploadAnswer;
      } catch {
        json = null;
      }
      if (xhr.status === 201 && json?.attachment) return resolve(json.attachment);
      if (xhr.status === 401) notifyUnauthorized();
      const reason = xhr.status === 413 ? 'too_large' : (json?.error?.reason ?? 'internal');
      reject(new ApiError(xhr.status, reason, json?.error?.message ?? `${xhr.status} ${xhr.statusText}`));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The server could not be reached.'));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/** Downloads a card's file with the session token and saves it under its own name. */
export async function downloadAttachment(boardId: string, attachment: Pick<AttachmentRef, 'id' | 'name'>, token: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/attachments/${encodeURIComponent(attachment.id)}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  if (!response.ok) {
    if (response.status === 401) notifyUnauthorized();
    const json = (await response.json().catch(() => null)) as { error?: { reason?: RejectReason; message?: string } } | null;
    throw new ApiError(response.status, json?.error?.reason ?? 'internal', json?.error?.message ?? `${response.status} ${response.statusText}`);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = attachment.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
