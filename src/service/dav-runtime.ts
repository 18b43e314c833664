// The HTTP machinery the service shares between all accounts: one keep-alive connection pool,
// the retry policy's sleep and randomness (passed in, so tests control them), and a DavClient
// per account.
import type { Credentials } from '../dav/dav-client.ts';
import { DavClient } from '../dav/dav-client.ts';
import { createHttpClient } from '../dav/http-client.ts';
import type { HttpClient } from '../dav/http-client.ts';
import { defaultDiscoveryLimits } from '../dav/discovery-limits.ts';
import type { DiscoveryLimits } from '../dav/discovery-limits.ts';
import { abortableSleep, defaultRetryPolicy } from '../dav/retry.ts';
import type { RetryDeps, RetryPolicy } from '../dav/retry.ts';

export interface DavRuntimeDeps {
  http?: HttpClient;
  retry?: RetryDeps;
  retryPolicy?: RetryPolicy;
  /** Bounds of `connect` (tests shorten them). */
  discoveryLimits?: Partial<DiscoveryLimits>;
  now: () => Date;
}

export interface DavRuntime {
  client(credentials: Credentials): DavClient;
  /** A client for connecting: credentials bound to `origin`, each request with a deadline. */
  discoveryClient(credentials: Credentials, origin: string): DavClient;
  readonly discoveryLimits: DiscoveryLimits;
  readonly retry: RetryDeps;
  readonly retryPolicy: RetryPolicy;
  close(): Promise<void>;
}

export function createDavRuntime(deps: DavRuntimeDeps): DavRuntime {
  const http =
    deps.http ??
    createHttpClient({ connections: 4, userAgent: 'Baluchon (+https://www.chatons.org/)' });
  const retry = deps.retry ?? { sleep: abortableSleep, random: Math.random };
  const retryPolicy = deps.retryPolicy ?? defaultRetryPolicy;
  const discoveryLimits = { ...defaultDiscoveryLimits, ...deps.discoveryLimits };
  return {
    retry,
    retryPolicy,
    discoveryLimits,
    discoveryClient: (credentials, origin) =>
      new DavClient({
        send: http.send,
        credentials,
        retry,
        retryPolicy: discoveryLimits.retryPolicy,
        requestDeadlineMs: discoveryLimits.requestDeadlineMs,
        maxAnswerBytes: discoveryLimits.maxAnswerBytes,
        origin,
        now: deps.now,
      }),
    client: (credentials) =>
      new DavClient({
        send: http.send,
        credentials,
        retry,
        retryPolicy,
        now: deps.now,
      }),
    close: () => http.close(),
  };
}
