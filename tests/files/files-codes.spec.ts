import { describe, expect, it } from 'vitest';
import { errorKey, problemKey } from '../../locales/keys.ts';
import { languages } from '../../locales/resources.ts';
import { filesErrorCodes, filesProblemCodes } from '../../src/files/files-codes.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';

describe('files codes', () => {
  it.each(languages)('every error and problem has words in %s', (lang) => {
    const i18n = createI18n(lang);
    for (const code of filesErrorCodes) expect(i18n.exists(errorKey(code)), code).toBe(true);
    for (const code of filesProblemCodes) {
      expect(i18n.exists(problemKey(code), { count: 2 }), code).toBe(true);
    }
  });

  it('the free-space error names both amounts in each language', () => {
    const details = { needed: 5e9, available: 1e9, neededMB: 5000, availableMB: 1000 };
    expect(createI18n('fr').t(errorKey('files.not-enough-space'), details)).toMatch(/5\s000 Mo/u);
    expect(createI18n('en').t(errorKey('files.not-enough-space'), details)).toContain('5,000 MB');
    expect(createI18n('fr').t('files:folder.imported-name')).toBe('Google Drive (importé)');
  });
});
