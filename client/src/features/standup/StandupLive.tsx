import type { Card, SlaConfig, StageConfig, StandupState } from '@baton/shared-types';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../ui/Avatar';
import { SpeakerList } from './SpeakerList';
import { StandupControls } from './StandupControls';
import { StandupDeal } from './StandupDeal';
import { mayStepStandup, mayWriteNotes, type StandupActor } from './standupModel';
import { StandupTimer } from './StandupTimer';

interface Props {
  state: StandupState;
  actor: StandupActor | null;
  stuck: ReadonlyMap<string, readonly Card[]>;
  stages: readonly StageConfig[];
  stageLabel(id: string): string;
  name(userId: string): string;
  color(userId: string): string;
  sla: SlaConfig;
  now: number;
  locale: string;
}

/** The running standup: the order of speakers, the current one with their timer, and their stuck deals. */
export function StandupLive({ state, actor, stuck, stages, stageLabel, name, color, sla, now, locale }: Props) {
  const { t } = useTranslation();
  const speaker = state.speakers[state.index] ?? '';
  const next = state.speakers[state.index + 1];
  const deals = stuck.get(speaker) ?? [];
  const counts = new Map([...stuck.entries()].map(([id, list]) => [id, list.length]));
  const editable = new Set(deals.filter((card) => mayWriteNotes(state, actor, card)).map((card) => card.id));
  return (
    <div className="standup-live" data-testid="standup-live" data-speaker={speaker} data-index={state.index}>
      <aside className="standup-side">
        <SpeakerList state={state} name={name} color={color} counts={counts} />
        <p className="standup-facilitator muted">{t('standup.facilitator', { name: name(state.facilitatorId) })}</p>
      </aside>
      <section className="standup-main" aria-labelledby="standup-speaker-name">
        <div className="standup-stage">
          <div className="standup-speaker">
            <Avatar name={name(speaker)} color={color(speaker)} />
            <div>
              <span className="standup-eyebrow">
                {t('standup.nowSpeaking')} · {t('standup.position', { n: state.index + 1, total: state.speakers.length })}
              </span>
              <h2 id="standup-speaker-name" className="standup-speaker-name" data-testid="standup-speaker" data-user-id={speaker}>
                {name(speaker)}
              </h2>
              <span className="standup-next muted">{next ? t('standup.upNext', { name: name(next) }) : t('standup.lastSpeaker')}</span>
            </div>
          </div>
          <StandupTimer key={`${state.index}:${state.speakerStartedAt}`} state={state} speakerName={name(speaker)} />
        </div>
        {mayStepStandup(state, actor) ? <StandupControls state={state} /> : null}
        <span className="visually-hidden" aria-live="polite">
          {t('standup.nowSpeakingFor', { name: name(speaker) })}
        </span>
        {deals.length === 0 ? (
          <div className="standup-none" data-testid="standup-no-deals">
            <strong>{t('standup.noCards', { name: name(speaker) })}</strong>
            <span className="muted">{t('standup.noCardsHint')}</span>
          </div>
        ) : (
          <div className="standup-deals" data-testid="standup-deals">
            {editable.size === 0 ? <p className="standup-readonly-all">{t('standup.readOnly')}</p> : null}
            {deals.map((card, i) => (
              <StandupDeal
                key={card.id}
                card={card}
                stage={stages.find((s) => s.id === card.stage)}
                stageLabel={stageLabel(card.stage)}
                sla={sla}
                now={now}
                locale={locale}
                canEdit={editable.has(card.id)}
                explainReadOnly={editable.size > 0}
                examples={i === 0}
              />
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
