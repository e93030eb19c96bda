import { DOC_EDITORS } from '@baton/shared-types';
import { useEffect } from 'react';
import { currentLanguage } from '../i18n';
import { showToast } from '../features/notifications/toasts';
import { docNotices, takeDocNotices, type DocNotice } from '../sync/docChanges';

const NOTICE_MS = 20_000;

function show(notice: DocNotice): void {
  showToast(
    {
      tone: 'error',
      render: (t, language) => ({
        title: t(`offline.dropped.${notice.reason}`, {
          doc: t(`offline.docs.${notice.kind}`),
          title: notice.title || '—',
          editors: DOC_EDITORS[notice.kind][currentLanguage(language)],
          reason: notice.detail ?? '',
        }),
      }),
    },
    NOTICE_MS,
  );
}

/**
 * Tells the user, once, when edits to a card document were not kept (made offline in a
 * document they may no longer write, or in a copy the server replaced). Renders nothing.
 */
export function DocNotices() {
  useEffect(() => {
    const flush = () => takeDocNotices().forEach(show);
    flush();
    return docNotices.subscribe(flush);
  }, []);
  return null;
}
