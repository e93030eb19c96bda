import type { Card } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import { followLink, packPath } from '../../lib/router';
import { useBoard } from '../board/BoardContext';

/** "Handoff pack submitted, no red requirement": what the pack still lacks, and the way there. */
export function PackGateItem({ card, label, met }: { card: Card; label: string; met: boolean }) {
  const { t } = useTranslation();
  const board = useBoard();
  const handoff = card.handoff;
  const lacks = !handoff
    ? [t('handoff.gate.notCreated')]
    : [!handoff.submittedAt ? t('handoff.gate.notSubmitted') : null, handoff.counts.red > 0 ? t('handoff.gate.red', { count: handoff.counts.red }) : null].filter(
        (s): s is string => s !== null,
      );
  const state = lacks.length > 0 ? [...lacks, t('handoff.gate.fixHint')].join(t('handoff.gate.sentenceGap')) : null;
  return (
    <div className="gate-pack">
      <div className="gate-item-label">
        {label}
        <span className="visually-hidden">{met ? t('gate.done') : t('gate.todo')}</span>
      </div>
      {state ? (
        <p className="gate-pack-state" data-testid="gate-pack-state">
          {state}
        </p>
      ) : null}
      <a className="btn btn-ghost btn-sm gate-pack-link" href={packPath(board.boardId, card.id)} onClick={followLink} data-testid="gate-open-pack">
        {t('handoff.gate.open')}
      </a>
    </div>
  );
}
