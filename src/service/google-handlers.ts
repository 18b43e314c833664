// Commands of the live Google way: is it offered here, a client typed by a volunteer, and the
// sign-in job — the consent page opened in the browser (desktop: the system browser; web mode
// and CLI: the page is also offered as a link, since a headless opener may not reach the
// family's browser), the loopback redirect awaited, the session kept (google-sessions.ts).
import type { Handlers } from '../contract/index.ts';
import { BaluchonError } from '../errors/baluchon-error.ts';
import type { GoogleEndpoints } from '../google/google-endpoints.ts';
import { signIn } from '../google/auth/sign-in.ts';
import { revokeGrant } from '../google/auth/google-session.ts';
import type { GoogleSessions, SignedIn } from './google-sessions.ts';
import type { ServiceContext } from './service-context.ts';

export interface GoogleDeps {
  readonly endpoints: GoogleEndpoints;
  /** Opens the consent page in the family's browser; a failure only leaves the link to click. */
  openUrl(url: string): Promise<void>;
}

/** "Tout oublier": each session's grant revoked at Google. */
export function revokeSession(endpoints: GoogleEndpoints) {
  return (signedIn: SignedIn): Promise<void> =>
    revokeGrant({ refreshToken: signedIn.refreshToken, endpoints });
}

export function createGoogleHandlers(
  context: ServiceContext,
  google: GoogleSessions,
  deps: GoogleDeps,
): Pick<Handlers, 'googleAvailability' | 'setGoogleClient' | 'startGoogleSignIn'> {
  return {
    googleAvailability: () => Promise.resolve(google.availability()),
    setGoogleClient: ({ clientId, clientSecret }) =>
      Promise.resolve(google.typed({ clientId, clientSecret: clientSecret ?? null })),
    startGoogleSignIn: ({ products }) => {
      const client = google.client();
      if (client === null) return Promise.reject(unavailable());
      const jobId = context.jobs.start('googleSignIn', async (job) => {
        job.progress({ phase: 'opening', consentUrl: null });
        const grant = await signIn({
          clientId: client.clientId,
          clientSecret: client.clientSecret,
          products,
          endpoints: deps.endpoints,
          signal: job.signal,
          openUrl: async (url) => {
            job.progress({ phase: 'waiting-for-browser', consentUrl: url });
            await deps.openUrl(url).catch(() => undefined);
          },
        });
        return google.add(context.deps.newId(), grant, client);
      });
      return Promise.resolve({ jobId });
    },
  };
}

/** No client known here: the renderer hides the live way; a caller that asks anyway is told. */
function unavailable(): BaluchonError {
  return new BaluchonError('google.no-client');
}
