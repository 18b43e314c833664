// A signed-in Google account's API context for one reading: google-auth-library's client
// (it refreshes the access token from the refresh token the vault kept) and the backoff every
// request goes through, under the reading's signal (cancel and pause reach every request).
import { createApiContext } from '../google/api/create-api-context.ts';
import { googleClientFor } from '../google/auth/google-session.ts';
import type { GoogleApiContext } from '../google/google-api-context.ts';
import type { GoogleEndpoints } from '../google/google-endpoints.ts';
import type { SignedIn } from './google-sessions.ts';

/** A context for one reading of a signed-in account (every request under `signal`). */
export function googleApi(
  signedIn: SignedIn,
  endpoints: GoogleEndpoints,
  signal: AbortSignal,
): GoogleApiContext {
  const auth = googleClientFor({
    clientId: signedIn.client.clientId,
    clientSecret: signedIn.client.clientSecret,
    refreshToken: signedIn.refreshToken,
    endpoints,
  });
  return createApiContext({ auth, endpoints, signal });
}
