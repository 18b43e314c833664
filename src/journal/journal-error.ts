// The one error the journal throws. Callers branch on `code` (data), never on the message; the
// words people read live in locales/*/journal.json under `errors.<name>`.
import { journalErrorCodes } from '../errors/error-codes.ts';
import { BaluchonError } from '../errors/baluchon-error.ts';
import type { ErrorDetails } from '../errors/baluchon-error.ts';

export { journalErrorCodes };

export type JournalErrorCode = (typeof journalErrorCodes)[number];

export class JournalError extends BaluchonError {
  declare readonly code: JournalErrorCode;

  constructor(code: JournalErrorCode, details?: ErrorDetails, options?: { cause?: unknown }) {
    super(code, details, options);
    this.name = 'JournalError';
  }
}

export function isJournalError(error: unknown, code?: JournalErrorCode): error is JournalError {
  return error instanceof JournalError && (code === undefined || error.code === code);
}
