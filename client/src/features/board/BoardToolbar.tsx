import { canDoOnBoard, type SlaConfig, type UserId } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import { followLink, settingsPath } from '../../lib/router';
import type { HealthCounts, HealthFilter } from '../health/health';
import { HealthFilterBar } from '../health/HealthFilterBar';
import type { Actor } from './permissions';

interface Props {
  boardId: string;
  filter: HealthFilter;
  counts: HealthCounts;
  onFilter(filter: HealthFilter): void;
  sla: SlaConfig;
  actor: Actor | null;
}

/** Under the header: the health filter, and the board's SLA limits in words (ops and admins can change them). */
export function BoardToolbar({ boardId, filter, counts, onFilter, sla, actor }: Props) {
  const { t } = useTranslation();
  const mayConfigure = actor !== null && canDoOnBoard({ userId: actor.userId as UserId, role: actor.role }, 'configureStages').ok;
  const hours = (count: number) => t('sla.span.hours', { count });
  return (
    <div className="board-toolbar" data-testid="board-toolbar">
      <HealthFilterBar value={filter} counts={counts} onChange={onFilter} />
      <p className="board-sla-summary" data-testid="sla-summary">
        {t('healthFilter.slaSummary', { quote: hours(sla.quoteStaleHours), review: hours(sla.reviewHours), plan: hours(sla.planHours), stuck: t('sla.span.days', { count: sla.stuckDays }) })}
        {mayConfigure ? (
          <a className="board-sla-link" href={settingsPath(boardId)} onClick={followLink}>
            {t('healthFilter.changeSla')}
          </a>
        ) : null}
      </p>
    </div>
  );
}
