// GoogleApiContext for one reading: every request of every reader goes through `call`, so that
// Google's "slow down" answers (and broken connections) are waited out the way Google asks (truncated exponential backoff
// with full jitter, Retry-After first when given), the family's Cancel and Pause (the signal)
// stop a wait at once, and a refused access token is refreshed once. gaxios' own retry is off
// (`retry: false` in each request's options): one policy, here.
import type { OAuth2Client } from 'google-auth-library';
import { BaluchonError } from '../../errors/baluchon-error.ts';
import type { GoogleApiContext } from '../google-api-context.ts';
import type { GoogleEndpoints } from '../google-endpoints.ts';
import { retryDecision } from './retry-decision.ts';

export interface BackoffPolicy {
  /** Tries in all, the first included, before `google.unavailable`. */
  readonly maxTries: number;
  /** The first wait's ceiling; each next try doubles it, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A Retry-After longer than this is cut to it (the family would think Baluchon froze). */
  readonly maxRetryAfterMs: number;
}

// Google's "exponential backoff" guide: 1 s, 2 s, 4 s… with random milliseconds, capped at 32
// to 64 s; eight tries wait about two minutes in all at worst.
export const GOOGLE_BACKOFF: BackoffPolicy = {
  maxTries: 8,
  baseDelayMs: 1000,
  maxDelayMs: 64_000,
  maxRetryAfterMs: 5 * 60_000,
};

export interface ApiWait {
  /** The try that failed (1 for the first). */
  readonly attempt: number;
  /** Google's answer; 0 when the connection failed before any. */
  readonly status: number;
  readonly delayMs: number;
}

export interface CreateApiContextInput {
  readonly auth: OAuth2Client;
  readonly endpoints: GoogleEndpoints;
  readonly signal: AbortSignal;
  readonly policy?: BackoffPolicy;
  readonly now?: () => number;
  /** Waits `ms`, rejecting with `cancelled` as soon as the signal aborts. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** In [0, 1): the jitter. */
  readonly random?: () => number;
  /** Each wait, before it starts ("Google asks us to slow down"). */
  readonly onWait?: (wait: ApiWait) => void;
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new BaluchonError('cancelled'));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new BaluchonError('cancelled'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Full jitter (a random wait between 0 and the doubled ceiling), or Retry-After when given. */
export function backoffDelay(
  attempt: number,
  retryAfter: number | null,
  policy: BackoffPolicy,
  random: () => number,
): number {
  if (retryAfter !== null) return Math.min(retryAfter, policy.maxRetryAfterMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

export function createApiContext(input: CreateApiContextInput): GoogleApiContext {
  const policy = input.policy ?? GOOGLE_BACKOFF;
  const now = input.now ?? Date.now;
  const sleep = input.sleep ?? abortableSleep;
  const random = input.random ?? Math.random;
  const { auth, signal } = input;
  // A function, not a property read: the signal changes under us between two awaits.
  const cancelled = (): boolean => signal.aborted;

  async function call<T>(request: (signal: AbortSignal) => Promise<T>): Promise<T> {
    let reauthorized = false;
    for (let attempt = 1; ; attempt++) {
      if (cancelled()) throw new BaluchonError('cancelled');
      let failure: unknown;
      try {
        return await request(signal);
      } catch (error) {
        failure = error;
      }
      // Cancel or pause during the request: whatever it failed with, the family asked to stop.
      if (cancelled()) throw new BaluchonError('cancelled', undefined, { cause: failure });
      const decision = retryDecision(failure, now());
      if (decision.type === 'revoked') {
        throw new BaluchonError('google.access-revoked', undefined, { cause: failure });
      }
      if (decision.type === 'reauthorize' && !reauthorized && hasRefreshToken(auth)) {
        // The access token was dropped before its time (Google revokes them when a password
        // changes): forget it so that the library asks for a new one from the refresh token.
        reauthorized = true;
        auth.setCredentials({ ...auth.credentials, access_token: null, expiry_date: null });
        attempt--;
        continue;
      }
      if (decision.type !== 'retry') throw failure;
      if (attempt >= policy.maxTries) {
        // Still no answer at all: the network, not Google, is what the family should check.
        throw decision.status === 0
          ? new BaluchonError('google.unreachable', undefined, { cause: failure })
          : new BaluchonError('google.unavailable', { tries: attempt }, { cause: failure });
      }
      const delayMs = backoffDelay(attempt, decision.retryAfterMs, policy, random);
      input.onWait?.({ attempt, status: decision.status, delayMs });
      await sleep(delayMs, signal);
    }
  }

  return { auth, endpoints: input.endpoints, signal, call };
}

function hasRefreshToken(auth: OAuth2Client): boolean {
  const token = auth.credentials.refresh_token;
  return typeof token === 'string' && token !== '';
}
