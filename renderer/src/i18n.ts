// The renderer's translations: the same catalogues as the CLI and the service (locales/).
import i18next from 'i18next';
import type { i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { namespaces, resources } from '../../locales/resources.ts';
import type { Language } from '../../locales/resources.ts';

export function initialLanguage(preferred: readonly string[]): Language {
  const first = preferred[0]?.toLowerCase() ?? 'fr';
  // Most families using Baluchon speak French: it is also the fallback for other languages.
  return first.startsWith('en') ? 'en' : 'fr';
}

export function createRendererI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    resources,
    ns: namespaces,
    defaultNS: 'wizard',
    initAsync: false,
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return instance;
}
