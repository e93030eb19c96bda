import { STANDUP_SECONDS, type Role, type StandupState } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import { useTrackedCommands } from '../../sync/useTrackedCommands';
import { Avatar } from '../../ui/Avatar';
import { mayStartStandup } from './standupModel';

interface Props {
  role: Role | null;
  /** The last standup, when one has run. */
  last: StandupState | null;
  stuck: ReadonlyMap<string, readonly unknown[]>;
  name(userId: string): string;
  color(userId: string): string;
}

/** No standup running: managers start one; everyone else waits here and follows it when it starts. */
export function StandupLobby({ role, last, stuck, name, color }: Props) {
  const { t } = useTranslation();
  const { status, send } = useTrackedCommands();
  const leads = mayStartStandup(role);
  const total = [...stuck.values()].reduce((n, list) => n + list.length, 0);
  const start = status.start;
  // "Nothing is stuck" is the refusal people meet; other refusals carry the server's sentence.
  const refusal = start?.state === 'refused' ? (start.reason === 'conflict' ? t('standup.noneStuck') : t('standup.refused', { message: start.message })) : null;
  return (
    <section className="standup-lobby" aria-labelledby="standup-lobby-title" data-testid="standup-lobby">
      <div className="standup-lobby-card">
        <span className="standup-lobby-icon" aria-hidden="true">
          <svg width="26" height="26" viewBox="0 0 16 16" focusable="false">
            <path fill="currentColor" d="M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm0 1.5a5 5 0 1 1 0 10A5 5 0 0 1 8 3Zm-.75 1.5v4.06l3.1 1.86.77-1.28-2.37-1.42V4.5z" />
          </svg>
        </span>
        <h2 id="standup-lobby-title">{leads ? t('standup.startTitle') : t('standup.waiting')}</h2>
        <p className="muted">{leads ? t('standup.startIntro', { seconds: STANDUP_SECONDS }) : t('standup.waitingHint')}</p>
        <p className="standup-lobby-summary" data-testid="standup-stuck-summary">
          {total === 0 ? t('standup.noneStuck') : t('standup.summary', { count: total, owners: t('standup.owners', { count: stuck.size }) })}
        </p>
        {stuck.size > 0 ? (
          <ul className="standup-lobby-owners">
            {[...stuck.entries()].map(([id, list]) => (
              <li key={id}>
                <Avatar name={name(id)} color={color(id)} size="sm" />
                <span>{name(id)}</span>
                <span className="muted">{t('standup.speakerCards', { count: list.length })}</span>
              </li>
            ))}
          </ul>
        ) : null}
        {leads ? (
          <button type="button" className="btn btn-primary btn-lg" disabled={start?.state === 'pending'} onClick={() => void send('start', 'started', { type: 'startStandup' })} data-testid="standup-start">
            {start?.state === 'pending' ? t('standup.starting') : t('standup.start')}
          </button>
        ) : (
          <p className="standup-waiting" role="status" data-testid="standup-waiting">
            <span className="wait-dot" aria-hidden="true" />
            {t('standup.following')}
          </p>
        )}
        {refusal ? (
          <p className="standup-refusal" role="alert" data-testid="standup-refusal">
            {refusal}
          </p>
        ) : null}
        {last && !last.active ? <p className="standup-lobby-last muted">{`${t('standup.endedTitle')}. ${t('standup.endedHint')}`}</p> : null}
      </div>
    </section>
  );
}
