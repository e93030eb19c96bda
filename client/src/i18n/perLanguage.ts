import type { TFunction } from 'i18next';

/**
 * Words looked up once per language rather than once per render (a board shows them on every
 * card). Keyed by language, not by `t`: every component's `useTranslation()` hands out its own `t`.
 */
export function perLanguage<T>(make: (t: TFunction) => T): (t: TFunction, language: string) => T {
  const cache = new Map<string, T>();
  return (t, language) => {
    let value = cache.get(language);
    if (value === undefined) {
      value = make(t);
      cache.set(language, value);
    }
    return value;
  };
}
