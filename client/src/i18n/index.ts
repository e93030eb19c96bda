import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zh } from './zh';
import { offlineEn } from './offlineEn';
import { offlineZh } from './offlineZh';
import { slaEn, slaEventsEn } from './slaEn';
import { slaEventsZh, slaZh } from './slaZh';

export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'baton.lang';

function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'en' || stored === 'zh') return stored;
  } catch {
    // storage disabled: fall through to the browser's language
  }
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export const i18n: I18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, zh: { translation: zh } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

const syncDocumentLanguage = (lng: string) => {
  document.documentElement.lang = lng === 'zh' ? 'zh-CN' : 'en';
};
syncDocumentLanguage(i18n.language);
i18n.on('languageChanged', syncDocumentLanguage);

/** Switches the UI language and remembers the choice on this device. */
export function setLanguage(lng: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // not remembered, but still switched
  }
  void i18n.changeLanguage(lng);
}

export function currentLanguage(lng: string = i18n.language): Language {
  return lng === 'zh' ? 'zh' : 'en';
}

/** BCP 47 locale for Intl formatting. */
export function localeOf(lng: string): string {
  return currentLanguage(lng) === 'zh' ? 'zh-CN' : 'en-US';
}

// SLA health, alerts, standup and board settings keep their strings in their own files.
i18n.addResourceBundle('en', 'translation', { ...slaEn, events: { types: slaEventsEn } }, true, false);
i18n.addResourceBundle('zh', 'translation', { ...slaZh, events: { types: slaEventsZh } }, true, false);

// Offline work (issue 5): its strings live in their own files, merged in under `offline.`.
i18n.addResourceBundle('en', 'translation', { offline: offlineEn }, true, false);
i18n.addResourceBundle('zh', 'translation', { offline: offlineZh }, true, false);
