import { EVENT_TYPES } from '@baton/shared-types';
import type { CardEvent } from '../../api/types';
import type { EventDescription } from './describeEvent';
import { formatDuration } from './duration';
import type { HistoryContext } from './eventValues';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const LIGHTS = ['red', 'yellow', 'green'] as const;
type LightColor = (typeof LIGHTS)[number];
const asLight = (v: unknown): LightColor | undefined => (LIGHTS as readonly unknown[]).includes(v) ? (v as LightColor) : undefined;

/** Words for the handoff events (pack created / submitted / reviewed, colours, plan versions); null for other types. */
export function describeHandoffEvent(event: CardEvent, ctx: HistoryContext): EventDescription | null {
  const { t } = ctx;
  const data = obj(event.data);
  switch (event.type) {
    case EVENT_TYPES.packCreated:
      return { kind: 'pack', text: t('events.packCreated') };
    case EVENT_TYPES.packSubmitted: {
      const submission = num(data.submission) ?? 1;
      const count = num(data.requirements) ?? 0;
      const text = submission > 1 ? t('events.packResubmitted', { submission }) : t('events.packSubmitted', { count });
      return { kind: 'pack', text };
    }
    case EVENT_TYPES.packReviewed: {
      const counts = obj(data.counts);
      const ms = num(data.responseMs);
      const text = t('events.packReviewed', { duration: ms === undefined ? '—' : formatDuration(ms, t) });
      const details = counts.red === undefined ? undefined : [t('events.reviewCounts', { red: counts.red, yellow: counts.yellow ?? 0, green: counts.green ?? 0 })];
      return { kind: 'pack', text, ...(details ? { details } : {}) };
    }
    case EVENT_TYPES.requirementColored: {
      const to = asLight(data.to);
      const from = asLight(data.from);
      const color = t(`handoff.lights.colors.${to ?? 'red'}`);
      const text = from && from !== to ? t('events.recolored', { from: t(`handoff.lights.colors.${from}`), color }) : t('events.colored', { color });
      const details = [str(data.text) ? t('events.requirementText', { text: str(data.text) }) : null, str(data.note) ? t('events.note', { note: str(data.note) }) : null].filter(
        (line): line is string => line !== null,
      );
      return { kind: 'light', text, ...(to ? { light: to } : {}), ...(details.length > 0 ? { details } : {}) };
    }
    case EVENT_TYPES.planPosted: {
      const version = num(data.version) ?? 1;
      const ms = num(data.responseMs);
      const text = data.first === true ? t('events.planPostedFirst') : t('events.planPosted', { version });
      return { kind: 'plan', text, ...(ms !== undefined ? { details: [t('events.planResponse', { duration: formatDuration(ms, t) })] } : {}) };
    }
    default:
      return null;
  }
}
