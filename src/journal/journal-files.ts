// The files of a journal: the database and the companions SQLite may leave next to it.
import { rmSync } from 'node:fs';
import { join } from 'node:path';

export const JOURNAL_FILE_NAME = 'journal.sqlite';

/** The journal's place in the app's data folder (or in the CLI's `--state DIR`). */
export function journalPath(dataDir: string): string {
  return join(dataDir, JOURNAL_FILE_NAME);
}

/** SQLite's companion files: write-ahead log, shared memory, rollback journal. */
export function journalFiles(path: string): string[] {
  return [path, `${path}-wal`, `${path}-shm`, `${path}-journal`];
}

/**
 * "Forget everything": deletes the journal without opening it, so it works on a damaged file
 * or one written by a newer Baluchon too. Prefer Journal.forgetEverything() whenever the
 * journal opens; call this only after openJournal failed with `corrupt`, `not-a-journal` or
 * `newer-version` — never after `locked`: on Linux and macOS the other Baluchon would go on
 * writing to a deleted file (and Windows refuses to delete an open one).
 */
export function deleteJournalFiles(path: string): void {
  for (const file of journalFiles(path)) rmSync(file, { force: true });
}
