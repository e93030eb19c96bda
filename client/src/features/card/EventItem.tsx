import type { ReactNode } from 'react';
import type { CardEvent } from '../../api/types';
import type { EventDescription } from './describeEvent';

interface Props {
  event: CardEvent;
  description: EventDescription;
  actorName: string;
  time: Intl.DateTimeFormat;
  /** Shown above the text, e.g. the deal an event of a customer's timeline belongs to. */
  context?: ReactNode;
}

/** One line of a history: who did what, when, with details and a reason (card history and customer timeline). */
export function EventItem({ event, description: d, actorName, time, context }: Props) {
  return (
    <li
      className={`history-item kind-${d.kind} ${d.move?.backward ? 'is-backward' : ''} ${d.light ? `light-${d.light}` : ''}`}
      data-event-type={event.type}
      data-testid="history-item"
    >
      <span className="history-dot" aria-hidden="true" />
      <div className="history-main">
        {context}
        <div className="history-text">
          <strong>{actorName}</strong> {d.text}
        </div>
        {d.details?.map((line) => (
          <div key={line} className="history-detail">
            {line}
          </div>
        ))}
        {d.reason ? (
          <div className="history-reason" data-testid="history-reason">
            {d.reason}
          </div>
        ) : null}
        <time className="history-time" dateTime={new Date(event.at).toISOString()}>
          {time.format(event.at)}
        </time>
      </div>
    </li>
  );
}
