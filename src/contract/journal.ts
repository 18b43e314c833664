// Codes of the migration journal's errors (see src/journal/journal-error.ts).
export const journalErrorCodes = [
  /** The file was written by a newer Baluchon (its schema version is above ours). */
  'journal.newer-version',
  /** The SQLite file is damaged (or not a database at all). */
  'journal.corrupt',
  /** A SQLite database, but not a Baluchon journal (another application's file). */
  'journal.not-a-journal',
  /** Another Baluchon (window, CLI) has the journal open. */
  'journal.locked',
  /** The disk is full: nothing more can be recorded. */
  'journal.disk-full',
  /** The file cannot be opened, read or written (permissions, I/O error, read-only disk). */
  'journal.unavailable',
  /** An operation the item or run state machine forbids (see item-states.ts, run-states.ts). */
  'journal.illegal-transition',
  /** A collection or item that exists already (the schema forbids duplicates). */
  'journal.duplicate',
  /** The run, collection or item does not exist (or belongs to another target). */
  'journal.not-found',
  /** A run for this target is already running. */
  'journal.run-in-progress',
  /** The journal was closed. */
  'journal.closed',
] as const;
