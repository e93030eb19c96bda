import { useTranslation } from 'react-i18next';
import type { CardEvent } from '../../api/types';
import { useApiQuery } from '../../api/useApiQuery';
import { Spinner } from '../../ui/Spinner';
import { useBoard } from '../board/BoardContext';
import { describeEvent } from './describeEvent';
import { EventItem } from './EventItem';
import { historyContext } from './eventValues';
import { dateFormat } from '../../lib/dateFormat';

/** The card's timeline from the server's event log, newest first: who, when, what, and why. */
export function CardHistory({ cardId, token, version }: { cardId: string; token: string; version: number }) {
  const { t } = useTranslation();
  const board = useBoard();
  const query = useApiQuery<{ events: CardEvent[] }>(`/api/boards/${encodeURIComponent(board.boardId)}/cards/${cardId}/events?v=${version}`, token);
  const time = dateFormat(board.locale, { dateStyle: 'medium', timeStyle: 'short' });
  const memberName = (id: string) => board.members.get(id)?.displayName ?? id;
  const ctx = historyContext({ t, language: board.language, locale: board.locale, stages: board.allStages, memberName });

  if (query.error?.reason === 'network') {
    return (
      <p className="muted" role="status" data-testid="history-offline">
        {t('offline.historyUnavailable')}
      </p>
    );
  }
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
      {query.data.events.map((event) => (
        <EventItem key={event.id} event={event} description={describeEvent(event, ctx)} actorName={memberName(event.actor)} time={time} />
      ))}
    </ol>
  );
}
