import { setLight, type Light, type LightCounts as Counts, type PackRequirement } from '@baton/shared-types/ydoc';
import { useTranslation } from 'react-i18next';
import { useCardDocState, type CardDocConnection } from '../../sync/cardDocHooks';
import { LightCounts } from '../../ui/LightCounts';
import { ReadOnlyNote } from './ReadOnlyNote';
import { RequirementRow } from './RequirementRow';
import { useLightLabels } from './useLightLabels';

interface Props {
  requirements: readonly PackRequirement[];
  lights: ReadonlyMap<string, Light>;
  counts: Counts;
  review: CardDocConnection;
  onShow(reqId: string): void;
}

/**
 * The pack's requirements in document order with their traffic lights, live for everyone.
 * Product (the only writer of the review document) sets colours and notes here.
 */
export function RequirementsPanel({ requirements, lights, counts, review, onShow }: Props) {
  const { t } = useTranslation();
  const labels = useLightLabels();
  const state = useCardDocState(review);
  const canColor = state.scope === 'read-write' && state.loaded;
  return (
    <section className="side-card" aria-labelledby="req-panel-title" data-testid="requirements-panel">
      <header className="side-card-head">
        <h2 id="req-panel-title" className="side-card-title">
          {t('handoff.requirements.title')}
          <span className="side-card-count">{requirements.length}</span>
        </h2>
        <LightCounts counts={counts} labels={labels} showZero size="sm" testId="panel-counts" />
      </header>
      {state.scope === 'readonly' ? <ReadOnlyNote kind="review" compact /> : null}
      {requirements.length === 0 ? (
        <p className="side-empty">{t('handoff.requirements.empty')}</p>
      ) : (
        <ol className="req-list">
          {requirements.map((r) => (
            <RequirementRow
              key={r.reqId}
              requirement={r}
              light={lights.get(r.reqId)}
              canColor={canColor}
              onColor={(color) => setLight(review.doc, r.reqId, { color })}
              onNote={(note) => setLight(review.doc, r.reqId, { note })}
              onShow={() => onShow(r.reqId)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
