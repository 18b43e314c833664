// SQLite's result codes (https://sqlite.org/rescode.html) turned into the journal's codes. Only
// the code is read, never the message. Constraint failures are not translated here: only the
// call site knows which constraint it could have hit (see item-store.ts, collection-store.ts).
import Sqlite from 'better-sqlite3';
import { JournalError } from './journal-error.ts';
import type { JournalErrorCode } from './journal-error.ts';

export function sqliteCode(error: unknown): string | undefined {
  return error instanceof Sqlite.SqliteError ? error.code : undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  const code = sqliteCode(error);
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

function journalCode(sqlite: string): JournalErrorCode | undefined {
  // Extended codes (SQLITE_IOERR_WRITE, SQLITE_BUSY_RECOVERY…) share their primary's prefix.
  const primary = /^SQLITE_[A-Z]+/.exec(sqlite)?.[0];
  switch (primary) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return 'journal.locked';
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return 'journal.corrupt';
    case 'SQLITE_FULL':
      return 'journal.disk-full';
    case 'SQLITE_IOERR':
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
    case 'SQLITE_NOLFS':
      return 'journal.unavailable';
    default:
      return undefined;
  }
}

/** The journal's error for a SQLite failure; anything else (a bug) is returned unchanged. */
export function translateSqliteError(error: unknown): unknown {
  if (error instanceof JournalError) return error;
  const sqlite = sqliteCode(error);
  if (sqlite === undefined) return error;
  const code = journalCode(sqlite);
  return code === undefined ? error : new JournalError(code, { sqlite }, { cause: error });
}
