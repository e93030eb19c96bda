import { useTranslation } from 'react-i18next';
import type { CardEvent } from '../../api/types';
import { useApiQuery } from '../../api/useApiQuery';
import { Spinner } from '../../ui/Spinner';
import { useBoard } from '../board/BoardContext';
import { describeEvent } from './describeEvent';

/** The card's timeline from the server's event log, newest first. */
export function CardHistory({ cardId, token, version }: { cardId: string; token: string; version: number }) {
  const { t } = useTranslation();
  const board = useBoard();
  const query = useApiQuery<{ events: CardEvent[] }>(`/api/boards/${encodeURIComponent(board.boardId)}/cards/${cardId}/events?v=${version}`, token);
  const time = new Intl.DateTimeFormat(board.locale, { dateStyle: 'medium', timeStyle: 'short' });

  if (query.error) {
    return (
      <p className="history-error" role="alert">
        {t('drawer.historyFailed', { message: query.error.message })}{' '}
        <button type="button" className="btn btn-ghost btn-sm" onClick={query.reload}>
          {t('board.retry')}
        </button>
      </p>
    );
  }
  if (!query.data) return <Spinner label={t('app.loading')} />;
  if (query.data.events.length === 0) return <p className="muted">{t('drawer.historyEmpty')}</p>;
  return (
    <ol className="history" data-testid="card-history">
      {query.data.events.map((event) => {
        const d = describeEvent(event, t, board.language, board.stageLabel);
        const actor = board.members.get(event.actor)?.displayName ?? event.actor;
        return (
          <li key={event.id} className={`history-item kind-${d.kind}`} data-event-type={event.type}>
            <span className="history-dot" aria-hidden="true" />
            <div>
              <div className="history-text">
                <strong>{actor}</strong> {d.text}
              </div>
              {d.reason ? <div className="history-reason">{d.reason}</div> : null}
              <time className="history-time" dateTime={new Date(event.at).toISOString()}>
                {time.format(event.at)}
              </time>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
