import { useTranslation } from 'react-i18next';
import { useNetworkState, useOutboxSize, useSessionState } from '../../sync/hooks';
import { SyncBadge } from '../../ui/SyncBadge';
import { SYNC_TONE, syncState } from './syncState';

export function SyncStatus({ synced }: { synced: boolean }) {
  const { t } = useTranslation();
  const net = useNetworkState();
  const session = useSessionState();
  const waiting = useOutboxSize();
  const state = syncState(net, session, synced, waiting);
  const label =
    state === 'auth-error'
      ? t('sync.authFailed', { reason: session.authError })
      : state === 'waiting'
        ? t('sync.waiting', { count: waiting })
        : t(`sync.${state}`);
  const detail = waiting > 0 && state !== 'waiting' ? t('sync.waiting', { count: waiting }) : undefined;
  return <SyncBadge tone={SYNC_TONE[state]} state={state} label={label} detail={detail} title={`${t('sync.label')}: ${label}${detail ? ` · ${detail}` : ''}`} />;
}
