// The codes of the files area. Errors are thrown as BaluchonError (a run that cannot start, an
// item that fails for a reason of its own); problems are values in the report. Their words are
// in locales/<lang>/files.json, under `errors.<name>` and `problems.<name>`.

/** Thrown: the lead registers them with the contract's error codes. */
export const filesErrorCodes = [
  /** Before anything is sent: `needed`, `available` (bytes), `neededMB`, `availableMB`. */
  'files.not-enough-space',
  /** One file: its data in the archive is damaged, or not as long as declared (`detail`). */
  'files.source-unreadable',
  /** One file: the server's SHA-256 of what it received differs from ours (`expected`, `found`). */
  'files.checksum-mismatch',
  /** A planning bug would have addressed something outside the import folder (`path`). */
  'files.unsafe-path',
] as const;

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
