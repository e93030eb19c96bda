import { canActOnCard, type Card, type UserId } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import type { CommandStatus } from '../../sync/useTrackedCommands';
import { formatDuration } from '../card/duration';
import type { Actor } from '../board/permissions';
import { handoffSteps, type Handoff } from './handoffSteps';
import { handoffRefusal } from './refusalText';
import { dateFormat } from '../../lib/dateFormat';

interface Props {
  card: Card;
  handoff: Handoff;
  actor: Actor | null;
  locale: string;
  requirementCount: number;
  redCount: number;
  /** The pack still has edits on their way to the server (the server counts what it has). */
  saving: boolean;
  status: CommandStatus | undefined;
  onSubmit(): void;
}

/** Where the handoff stands (created → submitted → rated → plan posted) and "Submit for review". */
export function HandoffStatus({ card, handoff, actor, locale, requirementCount, redCount, saving, status, onSubmit }: Props) {
  const { t } = useTranslation();
  const time = dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const mayEdit = !!actor && canActOnCard({ userId: actor.userId as UserId, role: actor.role }, 'edit', card).ok;
  const pending = status?.state === 'pending';
  const blocked = requirementCount === 0 ? t('handoff.status.needsRequirement') : null;
  return (
    <section className="side-card" aria-labelledby="review-title" data-testid="handoff-status">
      <header className="side-card-head">
        <h2 id="review-title" className="side-card-title">
          {t('handoff.status.title')}
        </h2>
      </header>
      <ol className="steps">
        {handoffSteps(handoff).map((step) => (
          <li key={step.key} className={`step ${step.at !== null ? 'is-done' : step.current ? 'is-current' : ''}`} data-testid={`step-${step.key}`} data-done={step.at !== null}>
            <span className="step-mark" aria-hidden="true" />
            <div className="step-body">
              <span className="step-label">{t(`handoff.status.${step.key}`)}</span>
              <span className="step-meta">
                {step.at !== null ? time.format(step.at) : step.current && step.key === 'reviewed' ? t('handoff.status.waiting') : t('handoff.status.notYet')}
                {step.afterMs !== null ? ` · ${t('handoff.status.after', { duration: formatDuration(step.afterMs, t) })}` : null}
                {step.key === 'submitted' && step.count > 1 ? ` · ${t('handoff.status.submissions', { count: step.count })}` : null}
              </span>
            </div>
          </li>
        ))}
      </ol>
      {redCount > 0 ? (
        <p className="notice notice-danger" data-testid="red-left">
          {t('handoff.status.redLeft', { count: redCount })}
        </p>
      ) : null}
      {mayEdit ? (
        <div className="side-actions">
          <button type="button" className="btn btn-primary btn-block" disabled={blocked !== null || pending || saving} title={blocked ?? undefined} data-testid="submit-pack" onClick={onSubmit}>
            {pending ? t('handoff.status.submitting') : handoff.submittedAt ? t('handoff.status.resubmit') : t('handoff.status.submit')}
          </button>
          {blocked ? <p className="field-hint">{blocked}</p> : null}
          {status?.state === 'saved' ? (
            <p className="field-hint is-ok" role="status">
              {t('handoff.status.submittedNow')}
            </p>
          ) : null}
          {status?.state === 'refused' ? (
            <p className="field-error" role="alert" data-testid="submit-refused">
              {handoffRefusal('submitPack', status, t)}
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
