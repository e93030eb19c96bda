import { useEffect, useState } from 'react';
import { notifyUnauthorized } from '../../../api/http';

export type LoadedFile = { ok: true; url: string; image: boolean } | { ok: false; status: number };

/** Files already fetched in this tab, as object URLs (a pack shows each screenshot once per session). */
const cache = new Map<string, Promise<LoadedFile>>();

async function fetchFile(boardId: string, attachmentId: string, token: string): Promise<LoadedFile> {
  try {
    const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/attachments/${encodeURIComponent(attachmentId)}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!res.ok) {
      if (res.status === 401) notifyUnauthorized();
      return { ok: false, status: res.status };
    }
    const blob = await res.blob();
    return { ok: true, url: URL.createObjectURL(blob), image: blob.type.startsWith('image/') };
  } catch {
    return { ok: false, status: 0 };
  }
}

/** Fetches a card's file with the session token (the document only holds its id). */
export function loadAttachmentFile(boardId: string, attachmentId: string, token: string): Promise<LoadedFile> {
  const key = `${boardId}/${attachmentId}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = fetchFile(boardId, attachmentId, token).then((file) => {
      if (!file.ok) cache.delete(key); // not kept: a later view tries again
      return file;
    });
    cache.set(key, pending);
  }
  return pending;
}

/** The file behind an attachment reference; null while it loads. */
export function useAttachmentFile(boardId: string, attachmentId: string, token: string): LoadedFile | null {
  const key = `${boardId}/${attachmentId}`;
  const [loaded, setLoaded] = useState<{ key: string; file: LoadedFile } | null>(null);
  useEffect(() => {
    if (!attachmentId) return;
    let active = true;
    void loadAttachmentFile(boardId, attachmentId, token).then((file) => {
      if (active) setLoaded({ key, file });
    });
    return () => {
      active = false;
    };
  }, [boardId, attachmentId, token, key]);
  if (!attachmentId) return { ok: false, status: 404 };
  return loaded?.key === key ? loaded.file : null;
}
