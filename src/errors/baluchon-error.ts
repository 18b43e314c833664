// The one exception type the engine throws across async boundaries. It carries a stable code and
// the details its message is built from; dispatch turns it into ErrorData for the caller.
import type { ErrorCode } from './error-codes.ts';

export type ErrorDetails = Record<string, string | number>;

export class BaluchonError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, details?: ErrorDetails, options?: { cause?: unknown }) {
    super(details === undefined ? code : `${code} ${JSON.stringify(details)}`, options);
    this.name = 'BaluchonError';
    this.code = code;
    this.details = details;
  }
}

export function isAbortError(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'AbortError' || (error instanceof BaluchonError && error.code === 'cancelled'))
  );
}
