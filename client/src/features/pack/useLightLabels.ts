import { useTranslation } from 'react-i18next';
import { perLanguage } from '../../i18n/perLanguage';
import type { LightTally } from '../../ui/LightCounts';

type LightLabels = Record<keyof LightTally, string>;

/** "High risk", "Needs clarification", "Ready", "Not rated yet" in `language` (see perLanguage). */
export const lightLabels = perLanguage(
  (t): LightLabels => ({ red: t('handoff.lights.red'), yellow: t('handoff.lights.yellow'), green: t('handoff.lights.green'), unset: t('handoff.lights.unset') }),
);

/** The traffic-light labels in the UI language. */
export function useLightLabels(): LightLabels {
  const { t, i18n } = useTranslation();
  return lightLabels(t, i18n.language);
}
