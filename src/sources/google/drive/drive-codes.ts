// What reading Drive live says of one file (words in locales/<lang>/files.json, `problems.*`).
export const googleDriveProblemCodes = [
  /** `{ path, others }`: a file kept in several folders, placed once; `others` lists the rest. */
  'files.google-several-parents',
  /** `{ path }`: the family's file sits in a folder they cannot see; placed at the top. */
  'files.google-orphan',
  /** `{ path, formats }`: Google refuses to export this document, too large in each format. */
  'files.google-export-too-large',
  /** `{ path, detail }`: Google did not give this file (an export that failed, no size). */
  'files.google-unreadable',
] as const;
