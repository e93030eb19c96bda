import { speakerRemainingMs, type StandupState } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import { useServerNow } from '../../sync/serverTime';
import { formatCountdown } from './standupModel';

const URGENT_MS = 10_000;
const RADIUS = 52;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/**
 * The current speaker's countdown, from the server-stamped start and the server's clock, so every
 * screen shows the same time. Re-read four times a second; never below 0:00.
 */
export function StandupTimer({ state, speakerName }: { state: StandupState; speakerName: string }) {
  const { t } = useTranslation();
  const now = useServerNow(250);
  const remaining = speakerRemainingMs(state, now);
  const share = state.durationMs > 0 ? remaining / state.durationMs : 0;
  const tone = remaining === 0 ? 'is-up' : remaining <= URGENT_MS ? 'is-urgent' : '';
  // Spoken once at each threshold (the text only changes there).
  const spoken = remaining === 0 ? t('standup.timeUpFor', { name: speakerName }) : remaining <= URGENT_MS ? t('standup.tenSeconds', { name: speakerName }) : '';
  return (
    <div className={`standup-timer ${tone}`} data-testid="standup-timer" data-remaining-ms={Math.round(remaining)}>
      <svg className="timer-ring" viewBox="0 0 120 120" aria-hidden="true" focusable="false">
        <circle className="timer-track" cx="60" cy="60" r={RADIUS} />
        <circle className="timer-progress" cx="60" cy="60" r={RADIUS} strokeDasharray={CIRCUMFERENCE} strokeDashoffset={CIRCUMFERENCE * (1 - share)} />
      </svg>
      <div className="timer-face" role="timer" aria-label={t('standup.timerLabel', { name: speakerName })}>
        <span className="timer-digits" data-testid="standup-timer-text">
          {formatCountdown(remaining)}
        </span>
        {remaining === 0 ? <span className="timer-caption">{t('standup.timeUp')}</span> : null}
      </div>
      <span className="visually-hidden" aria-live="assertive">
        {spoken}
      </span>
    </div>
  );
}
