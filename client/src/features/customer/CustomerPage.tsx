import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/useApiQuery';
import { boardPath, followLink } from '../../lib/router';
import { useBoardView } from '../../sync/hooks';
import { Spinner } from '../../ui/Spinner';
import { formatMoney } from '../board/format';
import { SubpageHeader } from '../board/SubpageHeader';
import { useBoardBasics } from '../board/useBoardBasics';
import { CustomerDeals, type TimelineCard } from './CustomerDeals';
import { Timeline } from './Timeline';
import { countByGroup, filterTimeline, NO_FILTER, toggle, type TimelineEvent, type TimelineFilter } from './timelineFilter';
import { TimelineFilters } from './TimelineFilters';
import { useTimelineVersion } from './useTimelineVersion';

interface TimelineAnswer {
  customer: string;
  cards: TimelineCard[];
  events: TimelineEvent[];
}

/** /boards/:boardId/customers/:customer: every deal of a customer and everything that happened around them. */
export function CustomerPage({ boardId, customer }: { boardId: string; customer: string }) {
  const { t } = useTranslation();
  const basics = useBoardBasics(boardId);
  const view = useBoardView();
  const version = useTimelineVersion(customer);
  const query = useApiQuery<TimelineAnswer>(`/api/boards/${encodeURIComponent(boardId)}/customers/${encodeURIComponent(customer)}/timeline?v=${version}`, basics.token, { keepData: true });
  const [filter, setFilter] = useState<TimelineFilter>(NO_FILTER);
  const data = query.data;
  const events = useMemo(() => (data ? filterTimeline(data.events, filter) : []), [data, filter]);
  const counts = useMemo(() => countByGroup(data?.events ?? [], filter.cardIds), [data, filter.cardIds]);
  const currencies = new Set(data?.cards.map((c) => c.currency));
  const total = data?.cards.reduce((sum, c) => sum + (c.amount ?? 0), 0) ?? 0;

  let body;
  if (query.error && !data) {
    body =
      query.error.status === 404 ? (
        <div className="timeline-empty" role="alert" data-testid="timeline-not-found">
          <p>{t('timeline.notFound', { customer })}</p>
          <a className="btn btn-ghost btn-sm" href={boardPath(boardId)} onClick={followLink}>
            {t('stages.backToBoard')}
          </a>
        </div>
      ) : query.error.reason === 'network' ? (
        <p className="muted" role="status" data-testid="timeline-offline">
          {t('offline.timelineUnavailable')}
        </p>
      ) : (
        <p className="notice notice-warn" role="alert">
          {t('timeline.failed', { message: query.error.message })}{' '}
          <button type="button" className="btn btn-ghost btn-sm" onClick={query.reload}>
            {t('board.retry')}
          </button>
        </p>
      );
  } else if (!data) body = <Spinner label={t('app.loading')} />;
  else {
    const filtered = filter.groups.size > 0 || filter.cardIds.size > 0;
    body = (
      <>
        <header className="customer-head">
          <h2 className="customer-name" data-testid="customer-name">
            {data.customer}
          </h2>
          <span className="muted">
            {t('timeline.deals', { count: data.cards.length })}
            {currencies.size === 1 && data.cards[0] ? ` · ${t('timeline.total', { amount: formatMoney(total, data.cards[0].currency, basics.locale) })}` : ''}
          </span>
        </header>
        <CustomerDeals cards={data.cards} basics={basics} />
        <TimelineFilters
          filter={filter}
          counts={counts}
          deals={data.cards}
          onGroup={(g) => setFilter((f) => ({ ...f, groups: g === null ? new Set() : toggle(f.groups, g) }))}
          onDeal={(id) => setFilter((f) => ({ ...f, cardIds: id === null ? new Set() : toggle(f.cardIds, id) }))}
        />
        <p className="timeline-count muted">{t('timeline.count', { count: events.length })}</p>
        {events.length === 0 ? (
          <div className="timeline-empty" data-testid="timeline-empty">
            <p>{filtered ? t('timeline.emptyFiltered') : t('timeline.empty')}</p>
            {filtered ? (
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => setFilter(NO_FILTER)}>
                {t('timeline.filters.clear')}
              </button>
            ) : null}
          </div>
        ) : (
          <Timeline events={events} basics={basics} showDeal={data.cards.length > 1} />
        )}
      </>
    );
  }

  return (
    <div className="app-shell">
      <SubpageHeader boardId={boardId} boardName={basics.boardName} title={t('timeline.title')} role={basics.role} color={basics.myColor} synced={view.synced} />
      <main className="customer-page">
        <div className="customer-inner">{body}</div>
      </main>
    </div>
  );
}
