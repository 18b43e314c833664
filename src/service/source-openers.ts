// What src/sources/open-source.ts needs from the service: the accounts the family connected (a
// source account is connected as a destination is, src/service/accounts.ts), the DAV runtime
// and the Google sign-in sessions. Only those parts of the service's context, so this file stays out of its import cycle.
import { join } from 'node:path';
import type { Translator } from '../i18n/create-i18n.ts';
import type { OpenSourceDeps } from '../sources/open-source.ts';
import { openTakeoutSource } from '../sources/takeout/open-takeout-source.ts';
import type { AccountStore } from './accounts.ts';
import type { DavRuntime } from './dav-runtime.ts';
import { openGoogleSource } from '../sources/google/open-google-source.ts';
import type { GoogleEndpoints } from '../google/google-endpoints.ts';
import { googleApi } from './google-api.ts';
import type { GoogleSessions } from './google-sessions.ts';

export function sourceOpeners(
  service: {
    readonly accounts: Pick<AccountStore, 'get'>;
    readonly dav: Pick<DavRuntime, 'client'>;
    readonly deps: { readonly dataDir: string };
    readonly google: { readonly sessions: GoogleSessions; readonly endpoints: GoogleEndpoints };
  },
  reading: { readonly signal: AbortSignal; readonly t: Translator },
): OpenSourceDeps {
  return {
    // A .tgz's calendars and contacts are copied aside while the archive is read once (see
    // src/sources/takeout/tgz-spool.ts): into Baluchon's own data folder, never the system's
    // temporary folder, so "Forget everything" removes a copy a killed process left behind.
    openTakeout: (paths) =>
      openTakeoutSource(paths, {
        signal: reading.signal,
        t: reading.t,
        tmpDir: join(service.deps.dataDir, 'reading'),
      }),
    openGoogle: async (sessionId, sharedWithMe) => {
      const signedIn = await service.google.sessions.get(sessionId);
      return openGoogleSource({
        email: signedIn.session.email,
        products: signedIn.session.products,
        api: (signal) => googleApi(signedIn, service.google.endpoints, signal),
        t: reading.t,
        // Exported documents wait in Baluchon's own folder ("Tout oublier" removes it).
        tmpDir: join(service.deps.dataDir, 'reading'),
        sharedWithMe,
      });
    },
    account: (accountId) => service.accounts.get(accountId),
    davClient: (credentials) => service.dav.client(credentials),
    t: reading.t,
  };
}
