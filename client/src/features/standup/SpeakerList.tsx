import type { StandupState } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../ui/Avatar';
import { CheckIcon } from '../../ui/icons';
import { speakerStatus } from './standupModel';

interface Props {
  state: StandupState;
  name(userId: string): string;
  color(userId: string): string;
  /** Stuck deals per owner right now. */
  counts: ReadonlyMap<string, number>;
}

/** The running order: who spoke, who speaks, who is next. */
export function SpeakerList({ state, name, color, counts }: Props) {
  const { t } = useTranslation();
  return (
    <nav className="speaker-list" aria-labelledby="speakers-title">
      <h2 id="speakers-title" className="standup-side-title">
        {t('standup.speakers')}
      </h2>
      <ol data-testid="standup-speakers">
        {state.speakers.map((id, i) => {
          const status = speakerStatus(i, state.index);
          return (
            <li key={id} className={`speaker is-${status}`} aria-current={status === 'speaking' ? 'step' : undefined} data-testid={`speaker-${id}`} data-status={status}>
              <span className="speaker-order" aria-hidden="true">
                {status === 'done' ? <CheckIcon /> : i + 1}
              </span>
              <Avatar name={name(id)} color={color(id)} size="sm" />
              <span className="speaker-main">
                <span className="speaker-name">{name(id)}</span>
                <span className="speaker-meta">
                  {t('standup.speakerCards', { count: counts.get(id) ?? 0 })} · {t(`standup.${status === 'waiting' ? 'waitingTurn' : status}`)}
                </span>
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
