// The service: one object implementing every command of the contract, whatever the caller
// (Electron's utility process, `baluchon web`, the CLI, tests). I/O roots, clock and ids come in.
import { openInSystemBrowser } from '../connect/open-external.ts';
import { googleEndpointsFrom } from '../google/google-endpoints.ts';
import { createGoogleHandlers, revokeSession } from './google-handlers.ts';
import { GoogleSessions } from './google-sessions.ts';
import { randomUUID } from 'node:crypto';
import type { AppInfo, BaluchonEvent, ErrorData, Handlers, Locale } from '../contract/index.ts';
import { createI18n, describeError, describeProblem } from '../i18n/create-i18n.ts';
import type { Translator } from '../i18n/create-i18n.ts';
import { MemorySecretVault } from '../connect/secret-vault.ts';
import type { SecretVault } from '../connect/secret-vault.ts';
import { AccountStore } from './accounts.ts';
import { BaluchonError } from '../errors/baluchon-error.ts';
import { createConnectHandlers } from './connect-handlers.ts';
import { createDavRuntime } from './dav-runtime.ts';
import { createDevicesHandlers } from './devices-handlers.ts';
import type { DavRuntimeDeps } from './dav-runtime.ts';
import { dispatch } from './dispatch.ts';
import { forgetEverywhere } from './forget-everything.ts';
import { JobRunner } from './job-runner.ts';
import { MoveLog } from './move-log.ts';
import { createMigrateHandlers } from './migrate-handlers.ts';
import type { MigrateDeps } from './migrate-handlers.ts';
import { createHostsHandlers } from './hosts-handlers.ts';
import type { HostsDeps } from './hosts-handlers.ts';
import { createScanHandlers } from './scan-handlers.ts';
import type { ServiceContext } from './service-context.ts';
import { APP_VERSION } from './version.ts';

export interface ServiceDeps {
  mode: AppInfo['mode'];
  locale: Locale;
  /** The app's own data folder (journal, caches). Nothing else is ever written without asking. */
  dataDir: string;
  now?: () => Date;
  newId?: () => string;
  /** HTTP and retry machinery for DAV servers (tests pass fast retries). */
  dav?: Omit<DavRuntimeDeps, 'now'>;
  /** Where app passwords are kept (Electron: safeStorage); in memory by default. */
  vault?: SecretVault;
  /** The browser and the network used by the hosts area (Electron passes shell.openExternal). */
  hosts?: Partial<Omit<HostsDeps, 'vault'>>;
  /** Concurrency, photo downloads and the SQLite addon of the migration. */
  migrate?: Partial<MigrateDeps>;
  /**
   * Signing in with Google: the environment the client id may come from
   * (BALUCHON_GOOGLE_CLIENT_ID), where Google answers, and how its consent page is opened
   * (default: process.env, Google's endpoints, the hosts area's opener).
   */
  google?: {
    env?: Readonly<Record<string, string | undefined>>;
    openUrl?: (url: string) => Promise<void>;
  };
}

export interface Service {
  readonly handlers: Handlers;
  /** The app's own data folder (see ServiceDeps). */
  readonly dataDir: string;
  /** Calls a command by name with unchecked input, as transports do. */
  call(name: string, input: unknown): ReturnType<typeof dispatch>;
  subscribe(listener: (event: BaluchonEvent) => void): () => void;
  translator(): Translator;
  close(): void;
}

export function createService(options: ServiceDeps): Service {
  const deps: Required<ServiceDeps> = {
    now: () => new Date(),
    newId: randomUUID,
    dav: {},
    vault: new MemorySecretVault(),
    hosts: {},
    migrate: {},
    google: {},
    ...options,
  };
  const googleEnv = deps.google.env ?? process.env;
  const google = {
    sessions: new GoogleSessions(deps.vault, googleEnv),
    endpoints: googleEndpointsFrom(googleEnv),
  };
  const dav = createDavRuntime({ ...deps.dav, now: deps.now });
  const vault = deps.vault;
  const accounts = new AccountStore(vault);
  let locale = deps.locale;
  let i18n = createI18n(locale);
  const listeners = new Set<(event: BaluchonEvent) => void>();
  const moves = new MoveLog();

  const errorData = (error: unknown): ErrorData => toErrorData(i18n.t, error);
  const jobs = new JobRunner({
    now: () => deps.now().getTime(),
    newId: deps.newId,
    emit: (event) => {
      moves.receive(event);
      for (const listener of listeners) listener(event);
    },
    describeProblem: (fact) => ({
      ...fact,
      reason: describeProblem(i18n.t, fact.code, fact.params),
    }),
    describeError: errorData,
  });

  const context: ServiceContext = {
    deps,
    jobs,
    dav,
    accounts,
    vault,
    moves,
    google,
    t: () => i18n.t,
    problem: (fact) => ({ ...fact, reason: describeProblem(i18n.t, fact.code, fact.params) }),
    locale: () => locale,
  };

  const info = (): AppInfo => ({ name: 'Baluchon', version: APP_VERSION, locale, mode: deps.mode });

  const handlers: Handlers = {
    appInfo: () => Promise.resolve(info()),
    setLocale: ({ locale: next }) => {
      locale = next;
      i18n = createI18n(next);
      return Promise.resolve(info());
    },
    cancelJob: ({ jobId }) => Promise.resolve({ cancelled: jobs.cancel(jobId) }),
    forgetEverything: async ({ stateDir }) => {
      // A running move is stopped first, and its end awaited: it writes its journal and report
      // while it unwinds, and nothing may be written once everything is erased.
      jobs.cancelAll();
      await jobs.idle();
      moves.clear();
      accounts.clear();
      // Google's grants are revoked at Google before their tokens are erased here.
      await google.sessions.forgetAll(revokeSession(google.endpoints));
      await vault.clear();
      return { removed: await forgetEverywhere(deps.dataDir, stateDir) };
    },
    ...createScanHandlers(context),
    ...createConnectHandlers(context),
    ...createHostsHandlers(context, { ...deps.hosts, vault }),
    ...createMigrateHandlers(context, deps.migrate),
    ...createGoogleHandlers(context, google.sessions, {
      endpoints: google.endpoints,
      openUrl: deps.google.openUrl ?? deps.hosts.openExternal ?? openInSystemBrowser,
    }),
    ...createDevicesHandlers(context),
  };

  return {
    handlers,
    dataDir: deps.dataDir,
    call: (name, input) => dispatch(handlers, errorData, name, input),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    translator: () => i18n.t,
    close: () => {
      jobs.cancelAll();
      accounts.clear();
      void dav.close();
    },
  };
}

function toErrorData(t: Translator, error: unknown): ErrorData {
  if (error instanceof BaluchonError) {
    return {
      code: error.code,
      message: describeError(t, error.code, error.details),
      ...(error.details === undefined ? {} : { details: error.details }),
    };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal',
    message: describeError(t, 'internal', { detail }),
    details: { detail },
  };
}
