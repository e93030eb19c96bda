import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { useBoardView, useNetworkState, useOutboxList, usePendingDocChanges, useSessionState } from '../../sync/hooks';
import { SyncBadge } from '../../ui/SyncBadge';
import { capLines, describeDocChange, describePending } from './pendingText';
import { SYNC_TONE, syncState } from './syncState';

const MAX_LINES = 8;

/**
 * The sync badge, telling the truth: offline, reconnecting, "n changes waiting" (unanswered
 * commands plus card documents with edits the server has not acknowledged) and "All changes
 * saved" only once the server has acknowledged everything. Hover or focus lists what waits.
 */
export function SyncStatus({ synced }: { synced: boolean }) {
  const { t, i18n } = useTranslation();
  const net = useNetworkState();
  const session = useSessionState();
  const pending = useOutboxList();
  const docs = usePendingDocChanges();
  const view = useBoardView();
  const language = currentLanguage(i18n.language);
  const stageLabel = useCallback((id: string) => view.stages.find((s) => s.id === id)?.label[language] ?? id, [view.stages, language]);
  const waiting = pending.length + docs.length;
  const state = syncState(net, session, synced, waiting);
  const label =
    state === 'auth-error'
      ? t('sync.authFailed', { reason: session.authError })
      : state === 'waiting'
        ? t('sync.waiting', { count: waiting })
        : t(`sync.${state}`);
  const detail = waiting > 0 && state !== 'waiting' ? t('sync.waiting', { count: waiting }) : undefined;
  const items = capLines(
    [...pending.map((p) => describePending(p.command, view.cards, stageLabel, t)), ...docs.map((d) => describeDocChange(d, view.cards, t))],
    MAX_LINES,
    t,
  );
  const heading = waiting > 0 ? `${label}${detail ? ` · ${detail}` : ''}. ${state === 'waiting' ? t('offline.waiting.title') : t('offline.waiting.offlineKept')}` : state === 'saved' ? t('offline.waiting.allSaved') : label;
  return <SyncBadge tone={SYNC_TONE[state]} state={state} label={label} detail={detail} title={heading} items={items} waiting={waiting} />;
}
