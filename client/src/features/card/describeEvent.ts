import { attachmentKindLabel, EVENT_TYPES } from '@baton/shared-types';
import type { CardEvent } from '../../api/types';
import { describeHandoffEvent } from './describeHandoffEvent';
import { changeLines, type HistoryContext } from './eventValues';

export interface EventDescription {
  kind: 'created' | 'moved' | 'updated' | 'archived' | 'restored' | 'attachment' | 'pack' | 'light' | 'plan' | 'other';
  text: string;
  /** "Reason: …" of a backward move or an override. */
  reason?: string;
  /** Further lines in words, e.g. each changed field with its old and new value. */
  details?: string[];
  /** For moves: the stages, to show as chips. */
  move?: { from: string; to: string; backward: boolean; override: boolean };
  /** For a traffic light: the colour it was set to. */
  light?: 'red' | 'yellow' | 'green';
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** Turns an event of the card's log into words ("moved it from Lead to Quote"), in the UI language. */
export function describeEvent(event: CardEvent, ctx: HistoryContext): EventDescription {
  const { t, language } = ctx;
  const data = obj(event.data);
  const reason = str(data.reason);
  const withReason = (d: EventDescription): EventDescription => (reason ? { ...d, reason: t('events.reason', { reason }) } : d);
  const kindLabel = (kind: unknown) => attachmentKindLabel(String(kind ?? 'other'))[language];
  switch (event.type) {
    case EVENT_TYPES.cardCreated:
      return { kind: 'created', text: t('events.cardCreated') };
    case EVENT_TYPES.cardMoved: {
      const from = ctx.stageLabel(str(data.from) ?? '?');
      const to = ctx.stageLabel(str(data.to) ?? '?');
      const backward = data.backward === true;
      const override = data.wipOverride === true || data.gateOverride === true;
      const text = backward ? t('events.cardMovedBack', { from, to }) : t('events.cardMoved', { from, to });
      const details = override ? [data.wipOverride === true ? t('events.wipOverride') : t('events.gateOverride')] : undefined;
      return withReason({ kind: 'moved', text, move: { from, to, backward, override }, ...(details ? { details } : {}) });
    }
    case EVENT_TYPES.cardReordered:
      return { kind: 'moved', text: t('events.cardMovedWithin', { to: ctx.stageLabel(str(data.stage) ?? '?') }) };
    case EVENT_TYPES.cardUpdated: {
      const after = obj(data.after);
      const before = obj(data.before);
      const lines = changeLines(before, after, ctx);
      return { kind: 'updated', text: t('events.cardUpdated', { count: lines.length }), details: lines };
    }
    case EVENT_TYPES.cardArchived:
      return { kind: 'archived', text: t('events.cardArchived') };
    case EVENT_TYPES.cardRestored:
      return { kind: 'restored', text: t('events.cardRestored') };
    case EVENT_TYPES.attachmentAdded: {
      const a = obj(data.attachment);
      return { kind: 'attachment', text: t('events.attachmentAdded', { name: str(a.name) ?? '', kind: kindLabel(a.kind) }) };
    }
    case EVENT_TYPES.attachmentTagged:
      return { kind: 'attachment', text: t('events.attachmentTagged', { name: str(data.name) ?? '', from: kindLabel(data.from), kind: kindLabel(data.to) }) };
    case EVENT_TYPES.attachmentRemoved:
      return { kind: 'attachment', text: t('events.attachmentRemoved', { name: str(data.name) ?? '', kind: kindLabel(data.kind) }) };
    default:
      return describeHandoffEvent(event, ctx) ?? { kind: 'other', text: t(`events.types.${event.type.replace(/\./g, '_')}`, { defaultValue: event.type }) };
  }
}
