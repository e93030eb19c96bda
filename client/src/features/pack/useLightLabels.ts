import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { LightTally } from '../../ui/LightCounts';

type LightLabels = Record<keyof LightTally, string>;

const cache = new Map<string, LightLabels>();

/** "High risk", "Needs clarification", "Ready", "Not rated yet" in `language`: looked up once per language (a board shows them on every card). */
export function lightLabels(t: TFunction, language: string): LightLabels {
  let labels = cache.get(language);
  if (!labels) {
    labels = { red: t('handoff.lights.red'), yellow: t('handoff.lights.yellow'), green: t('handoff.lights.green'), unset: t('handoff.lights.unset') };
    cache.set(language, labels);
  }
  return labels;
}

/** The traffic-light labels in the UI language. */
export function useLightLabels(): LightLabels {
  const { t, i18n } = useTranslation();
  return lightLabels(t, i18n.language);
}
