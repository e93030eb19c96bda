import { docRight, EVENT_TYPES, type Card } from '@baton/shared-types';
import { PLAN_SECTIONS, type PlanSection } from '@baton/shared-types/ydoc';
import { useTranslation } from 'react-i18next';
import type { CardEvent } from '../../api/types';
import { useApiQuery } from '../../api/useApiQuery';
import type { CommandStatus } from '../../sync/useTrackedCommands';
import { CheckIcon } from '../../ui/icons';
import type { BoardBasics } from '../board/useBoardBasics';
import type { Handoff } from './handoffSteps';
import { handoffRefusal } from './refusalText';
import { dateFormat } from '../../lib/dateFormat';

interface Props {
  card: Card;
  handoff: Handoff;
  basics: BoardBasics;
  /** Sections still lacking real content, from the plan as it is on this screen. */
  missing: readonly PlanSection[];
  saving: boolean;
  status: CommandStatus | undefined;
  onPost(): void;
}

/** What a plan needs before it counts (live), "Post plan" for delivery, and the versions posted. */
export function PlanPanel({ card, handoff, basics, missing, saving, status, onPost }: Props) {
  const { t } = useTranslation();
  const mayPost = basics.role !== null && docRight('plan', basics.role, false) === 'write';
  const events = useApiQuery<{ events: CardEvent[] }>(
    `/api/boards/${encodeURIComponent(basics.boardId)}/cards/${encodeURIComponent(card.id)}/events?v=${handoff.planVersions}`,
    basics.token,
    { keepData: true },
  );
  const versions = (events.data?.events ?? []).filter((e) => e.type === EVENT_TYPES.planPosted);
  const time = dateFormat(basics.locale, { dateStyle: 'medium', timeStyle: 'short' });
  const pending = status?.state === 'pending';
  return (
    <>
      <section className="side-card" aria-labelledby="plan-post-title" data-testid="plan-panel">
        <header className="side-card-head">
          <h2 id="plan-post-title" className="side-card-title">
            {t('handoff.plan.title')}
          </h2>
        </header>
        <p className="side-intro">{t('handoff.plan.intro')}</p>
        <ul className="section-checks" data-testid="plan-sections">
          {PLAN_SECTIONS.map((s) => {
            const done = !missing.includes(s);
            return (
              <li key={s} className={done ? 'is-done' : ''} data-testid={`plan-section-${s}`} data-done={done}>
                <span className="check-mark" aria-hidden="true">
                  {done ? <CheckIcon /> : null}
                </span>
                <span className="check-label">{t(`handoff.plan.sections.${s}`)}</span>
                <span className="check-state">{done ? t('handoff.plan.filled') : t('handoff.plan.missing')}</span>
              </li>
            );
          })}
        </ul>
        {mayPost ? (
          <div className="side-actions">
            <button type="button" className="btn btn-primary btn-block" disabled={pending || saving} data-testid="post-plan" onClick={onPost}>
              {pending ? t('handoff.plan.posting') : handoff.planVersions > 0 ? t('handoff.plan.postAgain') : t('handoff.plan.post')}
            </button>
            {status?.state === 'saved' ? (
              <p className="field-hint is-ok" role="status">
                {t('handoff.plan.posted', { version: handoff.planVersions })}
              </p>
            ) : null}
            {status?.state === 'refused' ? (
              <p className="field-error" role="alert" data-testid="post-refused">
                {handoffRefusal('postPlan', status, t)}
              </p>
            ) : null}
          </div>
        ) : (
          <p className="field-hint">{t('handoff.plan.notAllowed')}</p>
        )}
      </section>
      <section className="side-card" aria-labelledby="plan-versions-title" data-testid="plan-versions">
        <header className="side-card-head">
          <h2 id="plan-versions-title" className="side-card-title">
            {t('handoff.plan.versions')}
            <span className="side-card-count">{handoff.planVersions}</span>
          </h2>
        </header>
        {versions.length === 0 ? (
          <p className="side-empty">{t('handoff.plan.noVersions')}</p>
        ) : (
          <ol className="version-list">
            {versions.map((e) => (
              <li key={e.id} className="version-item">
                <span className="version-name">
                  {t('handoff.plan.version', { version: Number(e.data?.version ?? 0) })}
                  {e.data?.first === true ? <span className="version-tag">{t('handoff.plan.first')}</span> : null}
                </span>
                <span className="version-meta">{t('handoff.plan.by', { name: basics.memberName(e.actor), time: time.format(e.at) })}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
