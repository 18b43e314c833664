// What area handlers receive from the service: the shared machinery, never the transport. In a
// file of its own so that the handlers and create-service.ts both import it and neither imports
// the other (create-service.ts builds the handlers; a handler importing it back was a cycle).
import type { GoogleEndpoints } from '../google/google-endpoints.ts';
import type { GoogleSessions } from './google-sessions.ts';
import type { AppInfo, Locale, Problem } from '../contract/index.ts';
import type { ProblemFact } from '../contract/problem.ts';
import type { SecretVault } from '../connect/secret-vault.ts';
import type { Translator } from '../i18n/create-i18n.ts';
import type { AccountStore } from './accounts.ts';
import type { DavRuntime } from './dav-runtime.ts';
import type { JobRunner } from './job-runner.ts';
import type { MoveLog } from './move-log.ts';

/**
 * The options every area may read. Each area's own options (HostsDeps, MigrateDeps) are handed
 * to its factory instead, so this type never names a handler's file.
 */
export interface ServiceBasics {
  readonly mode: AppInfo['mode'];
  readonly locale: Locale;
  /** The app's own data folder (journal, caches). Nothing else is ever written without asking. */
  readonly dataDir: string;
  readonly now: () => Date;
  readonly newId: () => string;
}

export interface ServiceContext {
  readonly deps: ServiceBasics;
  readonly jobs: JobRunner;
  readonly dav: DavRuntime;
  readonly accounts: AccountStore;
  readonly vault: SecretVault;
  /** The moves of this session, fed by their events. */
  readonly moves: MoveLog;
  /** The Google accounts signed in to, and where Google's endpoints are. */
  readonly google: { readonly sessions: GoogleSessions; readonly endpoints: GoogleEndpoints };
  t(): Translator;
  /** Writes a problem's reason in the user's current language. */
  problem(fact: ProblemFact): Problem;
  /** The user's current language. */
  locale(): Locale;
}
