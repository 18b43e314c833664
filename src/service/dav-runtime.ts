// The HTTP machinery the service shares between all accounts: one keep-alive connection pool,
// the retry policy's sleep and randomness (passed in, so tests control them), and a DavClient
// per account.
import type { Credentials } from '../dav/dav-client.ts';
import { DavClient } from '../dav/dav-client.ts';
import { createHttpClient } from '../dav/http-client.ts';
import type { HttpClient } from '../dav/http-client.ts';
import { abortableSleep, defaultRetryPolicy } from '../dav/retry.ts';
import type { RetryDeps, RetryPolicy } from '../dav/retry.ts';

export interface DavRuntimeDeps {
  http?: HttpClient;
  retry?: RetryDeps;
  retryPolicy?: RetryPolicy;
  now: () => Date;
}

export interface DavRuntime {
  client(credentials: Credentials): DavClient;
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
  return {
    retry,
    retryPolicy,
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
