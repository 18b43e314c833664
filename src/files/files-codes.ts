// The codes of the files area. Errors are thrown as BaluchonError (a run that cannot start, an
// item that fails for a reason of its own); problems are values in the report. Their words are
// in locales/<lang>/files.json, under `errors.<name>` and `problems.<name>`.
// The thrown codes live with every other error code in the leaf src/errors/error-codes.ts.
export { filesErrorCodes } from '../errors/error-codes.ts';

/** Reported: per file (`where` is its path in Drive), or once per run. */
export const filesProblemCodes = [
  /** `{ from, to }`: a name changed to be valid and unique (a folder's end in `/`). */
  'files.renamed',
  /** `{ path, length, limit }`: even shortened, the path is longer than Windows syncs. */
  'files.path-too-long',
  /** Once per run, `{ count }`: the server could not keep these files' dates. */
  'files.dates-not-kept',
  'files.form-not-movable',
  'files.site-not-movable',
  'files.map-not-movable',
  'files.shortcut-not-movable',
  'files.google-file-not-movable',
  // An item that failed for a reason of its own is reported under its error code too.
  'files.source-unreadable',
  'files.checksum-mismatch',
] as const;
