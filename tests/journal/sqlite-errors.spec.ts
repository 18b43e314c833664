// SQLite result codes to journal codes, by code only.
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { JournalError } from '../../src/journal/journal-error.ts';
import { isUniqueViolation, translateSqliteError } from '../../src/journal/sqlite-errors.ts';

const sqlite = (code: string) => new Sqlite.SqliteError('whatever the message says', code);

describe('translateSqliteError', () => {
  it.each([
    ['SQLITE_BUSY', 'journal.locked'],
    ['SQLITE_BUSY_RECOVERY', 'journal.locked'],
    ['SQLITE_LOCKED', 'journal.locked'],
    ['SQLITE_CORRUPT', 'journal.corrupt'],
    ['SQLITE_CORRUPT_INDEX', 'journal.corrupt'],
    ['SQLITE_NOTADB', 'journal.corrupt'],
    ['SQLITE_FULL', 'journal.disk-full'],
    ['SQLITE_IOERR_WRITE', 'journal.unavailable'],
    ['SQLITE_CANTOPEN', 'journal.unavailable'],
    ['SQLITE_READONLY', 'journal.unavailable'],
    ['SQLITE_READONLY_DIRECTORY', 'journal.unavailable'],
    ['SQLITE_PERM', 'journal.unavailable'],
  ])('%s becomes %s', (code, expected) => {
    const translated = translateSqliteError(sqlite(code));
    expect(translated).toBeInstanceOf(JournalError);
    expect(translated).toMatchObject({ code: expected, details: { sqlite: code } });
  });

  it('leaves bugs (constraint failures, SQL errors) and foreign errors unchanged', () => {
    for (const error of [
      sqlite('SQLITE_CONSTRAINT_CHECK'),
      sqlite('SQLITE_ERROR'),
      new TypeError('x'),
    ]) {
      expect(translateSqliteError(error)).toBe(error);
    }
    const journalError = new JournalError('journal.closed');
    expect(translateSqliteError(journalError)).toBe(journalError);
  });

  it('does not read messages: a busy-sounding message with another code is not `locked`', () => {
    expect(
      translateSqliteError(new Sqlite.SqliteError('database is locked', 'SQLITE_ERROR')),
    ).not.toBeInstanceOf(JournalError);
  });

  it('recognises unique violations', () => {
    expect(isUniqueViolation(sqlite('SQLITE_CONSTRAINT_UNIQUE'))).toBe(true);
    expect(isUniqueViolation(sqlite('SQLITE_CONSTRAINT_PRIMARYKEY'))).toBe(true);
    expect(isUniqueViolation(sqlite('SQLITE_CONSTRAINT_CHECK'))).toBe(false);
    expect(isUniqueViolation(new Error('UNIQUE constraint failed'))).toBe(false);
  });
});
