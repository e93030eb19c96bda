import { attachmentKindLabel, EVENT_TYPES } from '@baton/shared-types';
import type { TFunction } from 'i18next';
import type { CardEvent } from '../../api/types';
import type { Language } from '../../i18n';

export interface EventDescription {
  kind: 'created' | 'moved' | 'updated' | 'archived' | 'restored' | 'attachment' | 'other';
  text: string;
  reason?: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** Turns an event of the card's log into a sentence ("moved it from Lead to Quote"), in the UI language. */
export function describeEvent(event: CardEvent, t: TFunction, language: Language, stageLabel: (id: string) => string): EventDescription {
  const data = obj(event.data);
  const reason = str(data.reason);
  const withReason = (d: EventDescription): EventDescription => (reason ? { ...d, reason: t('events.reason', { reason }) } : d);
  const kindLabel = (kind: unknown) => attachmentKindLabel(String(kind ?? 'other'))[language];
  switch (event.type) {
    case EVENT_TYPES.cardCreated:
      return { kind: 'created', text: t('events.cardCreated') };
    case EVENT_TYPES.cardMoved:
      return withReason({ kind: 'moved', text: t('events.cardMoved', { from: stageLabel(str(data.from) ?? '?'), to: stageLabel(str(data.to) ?? '?') }) });
    case EVENT_TYPES.cardReordered:
      return { kind: 'moved', text: t('events.cardMovedWithin', { to: stageLabel(str(data.stage) ?? '?') }) };
    case EVENT_TYPES.cardUpdated: {
      const names = Object.keys(obj(data.after)).map((f) => t(`fields.${f}`, { defaultValue: f }));
      return { kind: 'updated', text: t('events.cardUpdated', { fields: names.join(language === 'zh' ? '、' : ', ') || '—' }) };
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
      return { kind: 'attachment', text: t('events.attachmentTagged', { name: str(data.name) ?? '', kind: kindLabel(data.to) }) };
    case EVENT_TYPES.attachmentRemoved:
      return { kind: 'attachment', text: t('events.attachmentRemoved', { name: str(data.name) ?? '' }) };
    default:
      return { kind: 'other', text: t('events.other', { type: event.type }) };
  }
}
