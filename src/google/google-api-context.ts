// What every reader of Google's APIs is handed: a signed-in client (google-auth-library refreshes
// its access token), where the APIs answer, and `call`, through which every request goes so that
// backoff, cancel and pause reach all of them (src/google/api/ builds it).
import type { OAuth2Client } from 'google-auth-library';
import type { GoogleEndpoints } from './google-endpoints.ts';

export interface GoogleApiContext {
  /** Give it as `auth` to the @googleapis/* clients; it adds and refreshes the access token. */
  readonly auth: OAuth2Client;
  /** Give `endpoints.calendar` (…) as `rootUrl` to each @googleapis/* client. */
  readonly endpoints: GoogleEndpoints;
  /** Cancels the whole reading (the family's Cancel, a pause). */
  readonly signal: AbortSignal;
  /**
   * Runs one request, again after a wait with jitter when Google answers 429, a 403
   * `rateLimitExceeded`/`userRateLimitExceeded`, or a 5xx (Retry-After honoured), until the
   * signal aborts. The request must pass the given signal on (`{ signal, retry: false }` as the
   * @googleapis method options) so that gaxios does not retry on its own.
   */
  call<T>(request: (signal: AbortSignal) => Promise<T>): Promise<T>;
}
