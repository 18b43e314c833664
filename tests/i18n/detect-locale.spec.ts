import { describe, expect, it } from 'vitest';
import { detectLocale } from '../../src/i18n/detect-locale.ts';

describe('detectLocale', () => {
  it.each([
    [{ LANG: 'fr_FR.UTF-8' }, 'fr'],
    [{ LANG: 'fr_BE.UTF-8' }, 'fr'],
    [{ LANG: 'en_US.UTF-8' }, 'en'],
    [{ LANG: 'de_DE.UTF-8' }, 'en'],
    [{}, 'en'],
    [{ LC_ALL: 'C', LANG: 'fr_FR.UTF-8' }, 'en'],
    [{ LC_ALL: '', LC_MESSAGES: 'fr_CA.UTF-8', LANG: 'en_US' }, 'fr'],
  ])('%o → %s', (env, expected) => {
    expect(detectLocale(env)).toBe(expected);
  });
});
