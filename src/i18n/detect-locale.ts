// The CLI follows the POSIX locale variables, in their order of precedence (LC_ALL, then
// LC_MESSAGES, then LANG): French when the first one set says so, English otherwise.
import type { Locale } from '../contract/app.ts';

export function detectLocale(env: Record<string, string | undefined>): Locale {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE']) {
    const value = env[name];
    if (value !== undefined && value !== '')
      return value.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  }
  return 'en';
}
