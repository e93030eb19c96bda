import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LightTally } from '../../ui/LightCounts';

/** "High risk", "Needs clarification", "Ready", "Not rated yet" in the UI language. */
export function useLightLabels(): Record<keyof LightTally, string> {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => ({ red: t('handoff.lights.red'), yellow: t('handoff.lights.yellow'), green: t('handoff.lights.green'), unset: t('handoff.lights.unset') }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the labels change with the language
    [t, i18n.language],
  );
}
