import type { StandupState } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import { useTrackedCommands } from '../../sync/useTrackedCommands';

type Step = 'previous' | 'next' | 'restart' | 'end';

/** Previous / Next / Restart timer / End, for the facilitator (and managers); refusals in words. */
export function StandupControls({ state }: { state: StandupState }) {
  const { t } = useTranslation();
  const { status, send } = useTrackedCommands();
  const last = state.index >= state.speakers.length - 1;
  const busy = status.step?.state === 'pending';
  const step = (which: Step) => void send('step', which, { type: 'standupStep', step: which });
  const refused = status.step?.state === 'refused' ? status.step : null;
  return (
    <div className="standup-controls" role="group" aria-label={t('standup.title')} data-testid="standup-controls">
      <button type="button" className="btn btn-ghost" disabled={busy || state.index === 0} onClick={() => step('previous')} data-testid="standup-previous">
        <span aria-hidden="true">←</span> {t('standup.previous')}
      </button>
      <button type="button" className="btn btn-primary" disabled={busy || last} onClick={() => step('next')} data-testid="standup-next">
        {t('standup.next')} <span aria-hidden="true">→</span>
      </button>
      <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => step('restart')} data-testid="standup-restart">
        <span aria-hidden="true">↺</span> {t('standup.restart')}
      </button>
      <span className="spacer" />
      <button type="button" className="btn btn-danger-ghost" disabled={busy} onClick={() => step('end')} data-testid="standup-end">
        {t('standup.end')}
      </button>
      {refused ? (
        <p className="standup-refusal" role="alert">
          {t('standup.stepRefused', { message: refused.message })}
        </p>
      ) : null}
    </div>
  );
}
