import { cardHealth, type Card } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import { useBoard } from '../board/BoardContext';
import { notificationText, relativeTime } from '../notifications/notificationText';
import { useCardAlerts, useFeed } from '../notifications/useNotificationFeed';
import { healthChip, stuckTitle } from './healthText';

/** The drawer's health line: SLA state, stuck or not, and the unread alerts about the deal. */
export function CardHealthSection({ card }: { card: Card }) {
  const { t } = useTranslation();
  const board = useBoard();
  const feed = useFeed();
  const alerts = useCardAlerts(card.id);
  const health = cardHealth(card, board.sla, board.now);
  const chip = healthChip(health, board.now, t);
  if (!chip && !health.stuck && alerts.length === 0) return null;
  const ctx = { stageLabel: board.stageLabel, memberName: (id: string) => board.members.get(id)?.displayName ?? id, myId: board.me.id };
  return (
    <section className="drawer-health" aria-label={t('alerts.title')} data-testid="drawer-health">
      <div className="drawer-health-chips">
        {health.stuck ? (
          <span className="health-chip is-stuck" title={stuckTitle(health, board.sla, t)}>
            <span className="health-dot" aria-hidden="true" />
            {t('sla.stuck')}
          </span>
        ) : null}
        {chip ? <span className={`health-chip is-${chip.tone}`}>{chip.label}</span> : null}
      </div>
      {chip ? <p className="drawer-health-text">{chip.title}</p> : health.stuck ? <p className="drawer-health-text">{stuckTitle(health, board.sla, t)}</p> : null}
      {alerts.length > 0 ? (
        <div className="drawer-alerts">
          <ul>
            {alerts.map((n) => (
              <li key={n.id} data-testid="drawer-alert">
                <span className="alert-unread-dot" aria-hidden="true" />
                <span>{notificationText(n, t, ctx).title}</span>
                <time className="muted">{relativeTime(n.at, board.now, board.locale, t)}</time>
              </li>
            ))}
          </ul>
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => void feed.markCardRead(card.id)} data-testid="drawer-alerts-read">
            {t('alerts.markRead')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
