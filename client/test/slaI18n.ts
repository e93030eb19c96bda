import i18next, { type TFunction } from 'i18next';
import { slaEn } from '../src/i18n/slaEn';
import { slaZh } from '../src/i18n/slaZh';

/**
 * A translator over the SLA/alerts/standup strings only (the app's full bundle needs a browser).
 * Numbers and units are joined by no-break spaces in the app; here they read as plain spaces.
 */
export async function slaT(lng: 'en' | 'zh' = 'en'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ lng, fallbackLng: 'en', resources: { en: { translation: slaEn }, zh: { translation: slaZh } }, interpolation: { escapeValue: false } });
  const t = ((...args: Parameters<TFunction>) => String(instance.t(...args)).replace(/\u00a0/g, ' ')) as unknown as TFunction;
  return t;
}
