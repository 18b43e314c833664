// The backoff every Google request goes through: which answers are waited out and how long,
// with a fake sleep and jitter; then against the stand-in's fault answers through the real
// @googleapis client (real gaxios errors, real Retry-After headers).
import { calendar } from '@googleapis/calendar';
import { OAuth2Client } from 'google-auth-library';
import { afterEach, describe, expect, it } from 'vitest';
import { BaluchonError } from '../../../src/errors/baluchon-error.ts';
import {
  abortableSleep,
  createApiContext,
  GOOGLE_BACKOFF,
} from '../../../src/google/api/create-api-context.ts';
import type { ApiWait } from '../../../src/google/api/create-api-context.ts';
import { endpointsUnder } from '../../../src/google/google-endpoints.ts';
import {
  requireScope,
  sendJson,
  startGoogleStandIn,
  TokenBook,
} from '../../standins/google/stand-in-server.ts';
import type {
  RunningStandIn,
  StandInFault,
  StandInRoute,
} from '../../standins/google/stand-in-server.ts';

const NOW = Date.parse('2026-12-03T10:00:00Z');

/** A failure shaped as gaxios hands it over (status, parsed body, fetch Headers). */
function googleFailure(
  status: number,
  reason: string | null,
  headers: Record<string, string> = {},
): Error {
  const data =
    reason === null
      ? { error: { code: status } }
      : { error: { code: status, errors: [{ reason }] } };
  return Object.assign(new Error(`status ${status}`), {
    response: { status, data, headers: new Headers(headers) },
  });
}

interface Harness {
  readonly waits: ApiWait[];
  readonly slept: number[];
  readonly controller: AbortController;
  run(answers: readonly unknown[]): Promise<{ value: unknown; tries: number }>;
}

function harness(): Harness {
  const waits: ApiWait[] = [];
  const slept: number[] = [];
  const controller = new AbortController();
  const api = createApiContext({
    auth: new OAuth2Client(),
    endpoints: endpointsUnder('http://127.0.0.1:9/'),
    signal: controller.signal,
    now: () => NOW,
    random: () => 0.5,
    sleep: (ms) => {
      slept.push(ms);
      return Promise.resolve();
    },
    onWait: (wait) => waits.push(wait),
  });
  return {
    waits,
    slept,
    controller,
    async run(answers) {
      let tries = 0;
      const value = await api
        .call(() => {
          const answer = answers[Math.min(tries, answers.length - 1)];
          tries++;
          return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
        })
        .catch((error: unknown) => error);
      return { value, tries };
    },
  };
}

describe('GoogleApiContext.call', () => {
  it('waits out a 429 with full jitter, then returns the answer', async () => {
    const h = harness();
    const { value, tries } = await h.run([googleFailure(429, 'rateLimitExceeded'), 'ok']);
    expect(value).toBe('ok');
    expect(tries).toBe(2);
    // random 0.5 of the first ceiling (1 s).
    expect(h.waits).toEqual([{ attempt: 1, status: 429, delayMs: 500 }]);
  });

  it.each(['rateLimitExceeded', 'userRateLimitExceeded'])('retries a 403 %s', async (reason) => {
    const h = harness();
    const { value } = await h.run([googleFailure(403, reason), googleFailure(403, reason), 7]);
    expect(value).toBe(7);
    expect(h.slept).toEqual([500, 1000]);
  });

  it('retries People’s AIP-193 form of the rate limit (details[].reason)', async () => {
    const h = harness();
    const failure = Object.assign(new Error('403'), {
      response: {
        status: 403,
        data: { error: { code: 403, details: [{ reason: 'RATE_LIMIT_EXCEEDED' }] } },
        headers: new Headers(),
      },
    });
    expect((await h.run([failure, 'ok'])).value).toBe('ok');
  });

  it('retries a rate limit on a streamed request (a Drive download), whose body is the message', async () => {
    const h = harness();
    // gaxios 7 leaves `data` out of a streamed answer and makes its text the error's message.
    const body = { error: { code: 403, errors: [{ reason: 'userRateLimitExceeded' }] } };
    const failure = Object.assign(new Error(JSON.stringify(body)), {
      response: { status: 403, data: undefined, headers: new Headers() },
    });
    expect((await h.run([failure, 'ok'])).value).toBe('ok');
    expect(h.slept).toEqual([500]);
  });

  it.each(['quotaExceeded', 'insufficientPermissions', 'forbidden'])(
    'passes a 403 %s through unchanged, at once',
    async (reason) => {
      const h = harness();
      const failure = googleFailure(403, reason);
      const { value, tries } = await h.run([failure, 'never']);
      expect(value).toBe(failure);
      expect(tries).toBe(1);
      expect(h.slept).toEqual([]);
    },
  );

  it('passes a 404 and a 400 through unchanged, at once', async () => {
    for (const status of [404, 400]) {
      const h = harness();
      const failure = googleFailure(status, 'notFound');
      const { value, tries } = await h.run([failure, 'never']);
      expect(value).toBe(failure);
      expect(tries).toBe(1);
    }
  });

  it('5xx: doubles the ceiling each time, capped, then gives up with google.unavailable', async () => {
    const h = harness();
    const { value, tries } = await h.run([googleFailure(503, 'backendError')]);
    expect(tries).toBe(GOOGLE_BACKOFF.maxTries);
    expect(value).toBeInstanceOf(BaluchonError);
    expect((value as BaluchonError).code).toBe('google.unavailable');
    expect((value as BaluchonError).details).toEqual({ tries: 8 });
    // Half of 1, 2, 4 … 64 s: the 64 s ceiling holds from the 7th wait on.
    expect(h.slept).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 32_000]);
  });

  it('a broken connection is tried again; still none after every try: google.unreachable', async () => {
    const broken = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    const h = harness();
    expect((await h.run([broken, 'ok'])).value).toBe('ok');
    expect(h.waits).toEqual([{ attempt: 1, status: 0, delayMs: 500 }]);
    const offline = harness();
    const { value, tries } = await offline.run([broken]);
    expect((value as BaluchonError).code).toBe('google.unreachable');
    expect(tries).toBe(GOOGLE_BACKOFF.maxTries);
  });

  it('an error that is neither an answer nor a broken connection passes through at once', async () => {
    const h = harness();
    const bug = new TypeError('x is not a function');
    const { value, tries } = await h.run([bug]);
    expect(value).toBe(bug);
    expect(tries).toBe(1);
  });

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    const h = harness();
    const date = new Date(NOW + 12_000).toUTCString();
    await h.run([
      googleFailure(429, 'rateLimitExceeded', { 'retry-after': '7' }),
      googleFailure(503, null, { 'retry-after': date }),
      'ok',
    ]);
    expect(h.slept).toEqual([7000, 12_000]);
  });

  it('an OAuth invalid_grant (refresh refused) is access-revoked, not retried', async () => {
    const h = harness();
    const failure = Object.assign(new Error('invalid_grant'), {
      response: { status: 400, data: { error: 'invalid_grant' }, headers: new Headers() },
    });
    const { value, tries } = await h.run([failure]);
    expect((value as BaluchonError).code).toBe('google.access-revoked');
    expect(tries).toBe(1);
  });

  it('Cancel during a wait stops at once, without another try', async () => {
    const controller = new AbortController();
    const api = createApiContext({
      auth: new OAuth2Client(),
      endpoints: endpointsUnder('http://127.0.0.1:9/'),
      signal: controller.signal,
      sleep: abortableSleep,
      random: () => 0.99,
      onWait: () => {
        setTimeout(() => {
          controller.abort();
        }, 20);
      },
      policy: { ...GOOGLE_BACKOFF, baseDelayMs: 60_000 },
    });
    let tries = 0;
    const started = Date.now();
    const error = await api
      .call(() => {
        tries++;
        return Promise.reject(googleFailure(429, 'rateLimitExceeded'));
      })
      .catch((e: unknown) => e);
    expect((error as BaluchonError).code).toBe('cancelled');
    expect(tries).toBe(1);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a request failing because the signal aborted is cancelled, not retried', async () => {
    const h = harness();
    let tries = 0;
    const api = createApiContext({
      auth: new OAuth2Client(),
      endpoints: endpointsUnder('http://127.0.0.1:9/'),
      signal: h.controller.signal,
    });
    const error = await api
      .call(() => {
        tries++;
        h.controller.abort();
        return Promise.reject(googleFailure(503, null));
      })
      .catch((e: unknown) => e);
    expect((error as BaluchonError).code).toBe('cancelled');
    expect(tries).toBe(1);
  });
});

describe('GoogleApiContext.call against the stand-in’s overloaded answers', () => {
  let server: RunningStandIn | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('waits out 429, both 403 rate limits and 503, through @googleapis/calendar', async () => {
    const scope = 'https://www.googleapis.com/auth/calendar.readonly';
    const route: StandInRoute = (request) => {
      if (request.url.pathname !== '/calendar/v3/users/me/calendarList') return false;
      if (requireScope(request, scope)) sendJson(request.res, { items: [{ id: 'primary' }] });
      return true;
    };
    const faults: (StandInFault | null)[] = [
      'rate-limit-429',
      'rate-limit-403',
      'user-rate-limit-403',
      'server-error',
    ];
    const tokens = new TokenBook();
    server = await startGoogleStandIn({
      routes: [route],
      tokens,
      fault: () => faults.shift() ?? null,
    });
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: tokens.issue([scope]) });
    const waits: ApiWait[] = [];
    const api = createApiContext({
      auth,
      endpoints: endpointsUnder(server.url),
      signal: new AbortController().signal,
      random: () => 0,
      onWait: (wait) => waits.push(wait),
    });
    const client = calendar({ version: 'v3', auth, rootUrl: api.endpoints.calendar });
    const response = await api.call((signal) =>
      client.calendarList.list({}, { signal, retry: false }),
    );
    expect(response.data.items).toEqual([{ id: 'primary' }]);
    // The 429 carried Retry-After: 0 (read from gaxios' Headers); the others, jitter (0 here).
    expect(waits.map((w) => [w.status, w.delayMs])).toEqual([
      [429, 0],
      [403, 0],
      [403, 0],
      [503, 0],
    ]);
    expect(server.requests).toHaveLength(5);
  });

  it('a Google that cannot be reached at all ends as google.unreachable (real gaxios error)', async () => {
    const tokens = new TokenBook();
    server = await startGoogleStandIn({ routes: [], tokens });
    const endpoints = endpointsUnder(server.url);
    await server.close();
    server = undefined;
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: 'ya29.x' });
    const waits: ApiWait[] = [];
    const api = createApiContext({
      auth,
      endpoints,
      signal: new AbortController().signal,
      policy: { ...GOOGLE_BACKOFF, maxTries: 3, baseDelayMs: 1 },
      onWait: (wait) => waits.push(wait),
    });
    const client = calendar({ version: 'v3', auth, rootUrl: endpoints.calendar });
    const error = await api
      .call((signal) => client.calendarList.list({}, { signal, retry: false }))
      .catch((e: unknown) => e);
    expect((error as BaluchonError).code).toBe('google.unreachable');
    expect(waits.map((w) => w.status)).toEqual([0, 0]);
  });

  it('a 403 insufficientPermissions from the stand-in passes through as gaxios gave it', async () => {
    const tokens = new TokenBook();
    const route: StandInRoute = (request) => {
      requireScope(request, 'https://www.googleapis.com/auth/calendar.readonly');
      return true;
    };
    server = await startGoogleStandIn({ routes: [route], tokens });
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: tokens.issue(['openid']) });
    const api = createApiContext({
      auth,
      endpoints: endpointsUnder(server.url),
      signal: new AbortController().signal,
    });
    const client = calendar({ version: 'v3', auth, rootUrl: api.endpoints.calendar });
    const error = await api
      .call((signal) => client.calendarList.list({}, { signal, retry: false }))
      .catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(BaluchonError);
    expect((error as { status?: number }).status).toBe(403);
    expect(server.requests).toHaveLength(1);
  });
});
