import { perLanguage } from '../../i18n/perLanguage';

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

/** The card words in `language` (see perLanguage). */
export const cardLabels = perLanguage((t): CardLabels => {
  const days = new Map<number, string>();
  return {
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
});
