import type { TFunction } from 'i18next';

/** The words every card shows the same way: looked up once per language, not once per card render. */
export interface CardLabels {
  noAmount: string;
  unknownOwner: string;
  owner: string;
  today: string;
  renewal: string;
  pending: string;
  pendingTitle: string;
  locked: string;
  stuck: string;
  notesTitle: string;
  /** "3 days" in the column: one plural lookup per number of days. */
  days(count: number): string;
}

const cache = new Map<string, CardLabels>();

/**
 * Keyed by language: every component's `useTranslation()` hands out its own `t`, so a cache
 * keyed by `t` missed for every card (about ten lookups per card render on first load).
 */
export function cardLabels(t: TFunction, language: string): CardLabels {
  let labels = cache.get(language);
  if (!labels) {
    const days = new Map<number, string>();
    labels = {
      noAmount: t('card.noAmount'),
      unknownOwner: t('card.unknownOwner'),
      owner: t('card.owner'),
      today: t('card.today'),
      renewal: t('dealTypes.renewal'),
      pending: t('card.pending'),
      pendingTitle: t('card.pendingTitle'),
      locked: t('card.locked'),
      stuck: t('sla.stuck'),
      notesTitle: t('standup.notesTitle'),
      days: (count) => {
        let text = days.get(count);
        if (text === undefined) {
          text = t('card.days', { count });
          days.set(count, text);
        }
        return text;
      },
    };
    cache.set(language, labels);
  }
  return labels;
}
