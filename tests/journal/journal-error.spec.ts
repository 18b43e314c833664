// Journal errors are BaluchonErrors with their own codes, and every code has words in both
// languages (the service turns them into the message people read).
import { describe, expect, it } from 'vitest';
import { errorKey } from '../../locales/keys.ts';
import { languages } from '../../locales/resources.ts';
import { createI18n, describeError } from '../../src/i18n/create-i18n.ts';
import {
  isJournalError,
  JournalError,
  journalErrorCodes,
} from '../../src/journal/journal-error.ts';
import { BaluchonError } from '../../src/errors/baluchon-error.ts';

describe('JournalError', () => {
  it('is a BaluchonError carrying its code and details as data', () => {
    const error = new JournalError('journal.newer-version', { found: 3, supported: 1 });
    expect(error).toBeInstanceOf(BaluchonError);
    expect(error).toMatchObject({
      name: 'JournalError',
      code: 'journal.newer-version',
      details: { found: 3, supported: 1 },
    });
    expect(isJournalError(error)).toBe(true);
    expect(isJournalError(error, 'journal.newer-version')).toBe(true);
    expect(isJournalError(error, 'journal.locked')).toBe(false);
    expect(isJournalError(new BaluchonError('journal.locked'))).toBe(false);
  });

  it.each(languages)('every code has a text in %s', (lang) => {
    const i18n = createI18n(lang);
    for (const code of journalErrorCodes) {
      expect(i18n.exists(errorKey(code)), code).toBe(true);
      expect(describeError(i18n.t, code, undefined)).not.toBe(code);
    }
  });
});
