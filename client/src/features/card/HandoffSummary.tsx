import type { Card } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import { followLink, packPath } from '../../lib/router';
import { LightCounts } from '../../ui/LightCounts';
import { useBoard } from '../board/BoardContext';
import { latestStep } from '../pack/handoffSteps';
import { useLightLabels } from '../pack/useLightLabels';
import { dateFormat } from '../../lib/dateFormat';

/** The drawer's handoff line: where the pack stands, its colours, and links to the pack and the plan. */
export function HandoffSummary({ card }: { card: Card }) {
  const { t } = useTranslation();
  const board = useBoard();
  const labels = useLightLabels();
  const handoff = card.handoff;
  const time = dateFormat(board.locale, { dateStyle: 'medium', timeStyle: 'short' });
  const step = handoff ? latestStep(handoff) : null;
  return (
    <section className="drawer-handoff" aria-labelledby="drawer-handoff-title" data-testid="drawer-handoff">
      <div className="drawer-handoff-head">
        <h3 id="drawer-handoff-title">{t('handoff.drawer.title')}</h3>
        {handoff ? <LightCounts counts={handoff.counts} labels={labels} showZero size="sm" testId="drawer-lights" /> : null}
      </div>
      <p className="drawer-handoff-status" data-testid="drawer-handoff-status">
        {step && step.at !== null ? `${t(`handoff.status.${step.key}`)} · ${time.format(step.at)}` : t('handoff.drawer.none')}
      </p>
      <div className="drawer-handoff-links">
        <a className="btn btn-ghost btn-sm" href={packPath(board.boardId, card.id)} onClick={followLink} data-testid="drawer-open-pack">
          {t('handoff.drawer.open')}
        </a>
        {handoff ? (
          <a className="btn btn-ghost btn-sm" href={packPath(board.boardId, card.id, 'plan')} onClick={followLink}>
            {t('handoff.drawer.plan')}
          </a>
        ) : null}
      </div>
    </section>
  );
}
