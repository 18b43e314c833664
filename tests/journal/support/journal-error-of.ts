import { JournalError } from '../../../src/journal/journal-error.ts';

/** The JournalError `work` throws; anything else (or nothing) fails the test. */
export function journalErrorOf(work: () => unknown): JournalError {
  try {
    work();
  } catch (error) {
    if (error instanceof JournalError) return error;
    throw error;
  }
  throw new Error('expected a JournalError, nothing was thrown');
}
