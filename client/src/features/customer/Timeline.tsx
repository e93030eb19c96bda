import { useTranslation } from 'react-i18next';
import type { BoardBasics } from '../board/useBoardBasics';
import { describeEvent } from '../card/describeEvent';
import { EventItem } from '../card/EventItem';
import { historyContext } from '../card/eventValues';
import { byDay, dayLabel, type TimelineEvent } from './timelineFilter';
import { dateFormat } from '../../lib/dateFormat';

/** The customer's events, newest first, by day; each line names its deal (the same words as a card's history). */
export function Timeline({ events, basics, showDeal }: { events: readonly TimelineEvent[]; basics: BoardBasics; showDeal: boolean }) {
  const { t } = useTranslation();
  const ctx = historyContext({ t, language: basics.language, locale: basics.locale, stages: basics.stages, memberName: basics.memberName });
  const time = dateFormat(basics.locale, { timeStyle: 'short' });
  const words = { today: t('timeline.today'), yesterday: t('timeline.yesterday') };
  return (
    <div className="timeline" data-testid="timeline">
      {byDay(events).map((day) => (
        <section key={day.key} className="timeline-day" aria-label={dayLabel(day.at, basics.now, words, basics.locale)}>
          <h3 className="timeline-day-title">{dayLabel(day.at, basics.now, words, basics.locale)}</h3>
          <ol className="history">
            {day.events.map((event) => (
              <EventItem
                key={event.id}
                event={event}
                description={describeEvent(event, ctx)}
                actorName={basics.memberName(event.actor)}
                time={time}
                context={showDeal && event.cardTitle ? <span className="timeline-deal">{event.cardTitle}</span> : null}
              />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
