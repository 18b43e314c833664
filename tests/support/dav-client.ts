// A DavClient for integration tests: real HTTP, retries without real waiting (the waits asked
// for are recorded, so tests can check Retry-After was honoured).
import { DavClient } from '../../src/dav/dav-client.ts';
import { createHttpClient } from '../../src/dav/http-client.ts';
import type { HttpClient } from '../../src/dav/http-client.ts';
import type { RetryPolicy } from '../../src/dav/retry.ts';

export interface TestClient {
  client: DavClient;
  http: HttpClient;
  waits: number[];
}

export function testDavClient(
  user: { name: string; password: string },
  policy: Partial<RetryPolicy> = {},
): TestClient {
  const http = createHttpClient({ connections: 4, timeoutMs: 10_000 });
  const waits: number[] = [];
  const client = new DavClient({
    send: http.send,
    credentials: { username: user.name, password: user.password },
    retry: {
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
      random: () => 0.5,
    },
    retryPolicy: {
      maxAttempts: 4,
      baseDelayMs: 100,
      maxDelayMs: 1000,
      maxRetryAfterMs: 60_000,
      ...policy,
    },
    now: () => new Date(),
  });
  return { client, http, waits };
}
