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
}

const cache = new WeakMap<TFunction, CardLabels>();

/** `t` changes identity when the language changes, so the cache follows the language. */
export function cardLabels(t: TFunction): CardLabels {
  let labels = cache.get(t);
  if (!labels) {
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
    };
    cache.set(t, labels);
  }
  return labels;
}
