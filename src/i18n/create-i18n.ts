// One i18next instance per service (the CLI, the web server and the desktop app each have one),
// never the global singleton, so tests can run both languages side by side.
import i18next from 'i18next';
import type { i18n, TFunction } from 'i18next';
import { errorKey, problemKeys } from '../../locales/keys.ts';
import { namespaces, resources } from '../../locales/resources.ts';
import type { Locale } from '../contract/app.ts';

export type Translator = TFunction;

export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  // With inline resources and initAsync false, init completes synchronously.
  void instance.init({
    lng: locale,
    fallbackLng: 'en',
    resources,
    ns: namespaces,
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    // i18next otherwise prints an advertisement on the console of every CLI run.
    showSupportNotice: false,
  });
  return instance;
}

type Params = Record<string, string | number> | undefined;

// A code without words (tests/locales/every-code.spec.ts fails on any) still reads as a
// sentence, naming the code so that a volunteer can pass it on.
function unknownCode(t: Translator, code: string): string {
  return t(errorKey('internal'), { detail: code });
}

export function describeError(t: Translator, code: string, details: Params): string {
  return t(errorKey(code), { ...details, defaultValue: unknownCode(t, code) });
}

export function describeProblem(t: Translator, code: string, params: Params): string {
  return t(problemKeys(code), { ...params, defaultValue: unknownCode(t, code) });
}
