// Every code a BaluchonError may carry, in one leaf module that imports nothing, so that any layer
// (dav, journal, files, the contract the renderer type-checks) can name its codes without
// pulling another layer in. Each area keeps its list here; the contract re-exports the ones its
// callers see, and src/i18n/code-registry.ts checks each has words in French and English.

/** Codes shared by every area. */
export const commonErrorCodes = [
  'invalid-input',
  'unknown-command',
  'internal',
  'cancelled',
  'job-not-found',
  'path-not-found',
] as const;

/** Receiving a dropped archive part in `baluchon web` (src/web/uploads.ts). */
export const webErrorCodes = [
  /** Not enough room on this computer for the part (`name`, `neededMB`, `freeMB`). */
  'upload-no-space',
  /** Nothing arrived for a while: the part was cut and what came removed (`name`, `seconds`). */
  'upload-idle',
] as const;

/** Reading where the data is: a Takeout archive, another host's account (contract/scan.ts). */
export const scanErrorCodes = [
  'takeout.nothing-readable',
  /** The source cannot be read here (a kind of source this build does not read). */
  'source.unavailable',
  /** The account to read from is the one to write to (destination or files account). */
  'source.same-account',
] as const;

/** Connecting to the new account (contract/connect.ts). */
export const connectErrorCodes = [
  'connect.bad-address',
  'connect.wrong-password',
  'connect.host-not-found',
  'connect.unreachable',
  'connect.tls',
  'connect.forbidden',
  'connect.not-dav',
  'connect.unknown-account',
  'connect.password-needed',
  /** Discovery was sent to another origin (redirect, principal, home set). */
  'connect.other-origin',
  /** Discovery did not end within its overall deadline. */
  'connect.too-slow',
] as const;

/** What can go wrong talking to a DAV server (src/dav/dav-error.ts). */
export const davErrorCodes = [
  'dav.unauthorized',
  'dav.forbidden',
  'dav.not-found',
  'dav.not-allowed',
  'dav.conflict',
  'dav.precondition-failed',
  'dav.too-large',
  'dav.unsupported-media',
  'dav.locked',
  'dav.rate-limited',
  'dav.server-full',
  'dav.unavailable',
  'dav.server-error',
  'dav.refused',
  'dav.network',
  'dav.timeout',
  'dav.host-not-found',
  'dav.connection-refused',
  'dav.tls',
  'dav.not-dav',
  'dav.bad-response',
  /** A redirect or an href leads to another origin: the password is not sent there. */
  'dav.other-origin',
] as const;

/** The migration journal (src/journal/journal-error.ts). */
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

/** Moving the data (contract/migrate.ts). */
export const migrateErrorCodes = [
  'migration.nothing-selected',
  'migration.not-enough-space',
  'migration.run-in-progress',
  'migration.unknown-move',
  /** The device setup of a move this Baluchon does not know (anymore): `runId`. */
  'devices.unknown-run',
  'migration.archives-gone',
  'migration.not-a-report',
] as const;

/** Choosing a host, reading its provisioning file, Nextcloud's login (contract/hosts.ts). */
export const hostsErrorCodes = [
  'hosts.place-empty',
  'hosts.place-not-found',
  'hosts.place-unknown',
  'hosts.postcode-not-found',
  'hosts.postcode-not-covered',
  'hosts.host-not-found',
  'hosts.federation-unavailable',
  'hosts.provisioning-not-baluchon',
  'hosts.provisioning-version',
  'hosts.provisioning-too-large',
  'hosts.provisioning-not-https',
  'hosts.provisioning-credentials',
  'hosts.provisioning-unknown-field',
  'hosts.provisioning-invalid',
  'hosts.provisioning-unreachable',
  'hosts.provisioning-hidden-characters',
  'connect.server-invalid',
  'connect.server-not-https',
  'connect.server-unreachable',
  'connect.login-flow-unavailable',
  'connect.login-flow-unexpected',
  'connect.login-flow-timeout',
  'connect.login-flow-too-large',
  'connect.no-browser',
] as const;

/** The files area (src/files/files-codes.ts keeps its problem codes). */
export const filesErrorCodes = [
  /** Before anything is sent: `needed`, `available` (bytes), `neededMB`, `availableMB`. */
  'files.not-enough-space',
  /** One file: its data in the archive is damaged, or not as long as declared (`detail`). */
  'files.source-unreadable',
  /** One file: the server's SHA-256 of what it received differs from ours (`expected`, `found`). */
  'files.checksum-mismatch',
  /** A planning bug would have addressed something outside the import folder (`path`). */
  'files.unsafe-path',
  /** Nextcloud Photos refused to make an album (`name`, `status`, `detail`). */
  'files.albums.not-made',
  /** A picture to put in an album is not on the server where it was placed (`url`). */
  'files.albums.photo-missing',
  /** Nextcloud Photos refused to add a picture to an album (`name`, `url`, `status`, `detail`). */
  'files.albums.photo-refused',
] as const;

/** Signing in to Google and reading its APIs (src/google/, locales/<lang>/google.json). */
export const googleErrorCodes = [
  /** The family chose Cancel on Google's consent page (`error=access_denied`). */
  'google.consent-refused',
  /** Every box was unticked on Google's consent page: nothing to read. */
  'google.nothing-granted',
  /** The browser never came back to Baluchon within `minutes`. */
  'google.sign-in-timeout',
  /** Google's token endpoint refused the code or the client (`detail`: its OAuth error). */
  'google.sign-in-failed',
  /** Google's sign-in could not be reached (network). */
  'google.unreachable',
  /** Google refused to refresh the access: the family removed it, or it expired. */
  'google.access-revoked',
  /** Google kept answering "too busy" (429, rate limits, 5xx) after `tries` tries. */
  'google.unavailable',
  /** No Google client is known here: the live way is hidden (service). */
  'google.no-client',
  /** A typed client id is not the shape of a Google client id (`clientId`). */
  'google.bad-client-id',
  /** The session is no longer kept (forgotten, or another computer's): sign in again. */
  'google.signed-out',
] as const;

/** The codes the contract lets a caller see (ErrorData.code). */
export const errorCodes = [
  ...commonErrorCodes,
  ...scanErrorCodes,
  ...connectErrorCodes,
  ...davErrorCodes,
  ...journalErrorCodes,
  ...migrateErrorCodes,
  ...hostsErrorCodes,
  ...googleErrorCodes,
] as const;

/** Every registered error code: a BaluchonError with any other code does not type-check. */
export const everyErrorCode = [...errorCodes, ...filesErrorCodes, ...webErrorCodes] as const;
export type ErrorCode = (typeof everyErrorCode)[number];
