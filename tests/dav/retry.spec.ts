import { describe, expect, it } from 'vitest';
import { DavError } from '../../src/dav/dav-error.ts';
import { defaultRetryPolicy, delayFor, parseRetryAfter, withRetry } from '../../src/dav/retry.ts';

const error = (code: ConstructorParameters<typeof DavError>[0], retryAfterSeconds?: number) =>
  new DavError(code, {
    method: 'PUT',
    url: 'https://x/a',
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  });

describe('withRetry', () => {
  it('retries network errors, 429, 503 and 423, then succeeds', async () => {
    const failures = [
      error('dav.network'),
      error('dav.rate-limited'),
      error('dav.unavailable'),
      error('dav.locked'),
    ];
    const slept: number[] = [];
    const result = await withRetry(
      () => {
        const next = failures.shift();
        return next === undefined ? Promise.resolve('done') : Promise.reject(next);
      },
      { sleep: (ms) => (slept.push(ms), Promise.resolve()), random: () => 1 },
    );
    expect(result).toBe('done');
    expect(slept).toEqual([500, 1000, 2000, 4000]);
  });

  it('does not retry a refusal or a stop-the-run error', async () => {
    for (const code of ['dav.refused', 'dav.unauthorized', 'dav.server-full'] as const) {
      let calls = 0;
      await expect(
        withRetry(
          () => {
            calls++;
            return Promise.reject(error(code));
          },
          { sleep: () => Promise.resolve(), random: () => 0.5 },
        ),
      ).rejects.toMatchObject({ code });
      expect(calls).toBe(1);
    }
  });

  it('gives up after the last attempt', async () => {
    let calls = 0;
    await expect(
      withRetry(
        () => {
          calls++;
          return Promise.reject(error('dav.unavailable'));
        },
        { sleep: () => Promise.resolve(), random: () => 0 },
        { ...defaultRetryPolicy, maxAttempts: 3 },
      ),
    ).rejects.toMatchObject({ code: 'dav.unavailable' });
    expect(calls).toBe(3);
  });

  it('stops waiting at once when cancelled during a pause', async () => {
    const controller = new AbortController();
    let sleeping: () => void = () => undefined;
    const asleep = new Promise<void>((resolve) => (sleeping = resolve));
    const promise = withRetry(
      () => Promise.reject(error('dav.unavailable')),
      {
        sleep: (_ms, signal) =>
          new Promise((_resolve, reject) => {
            signal?.addEventListener('abort', () => {
              reject(new Error('stopped'));
            });
            sleeping();
          }),
        random: () => 1,
      },
      defaultRetryPolicy,
      controller.signal,
    );
    await asleep;
    controller.abort();
    await expect(promise).rejects.toThrow('stopped');
  });

  it('does not even retry once cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    let calls = 0;
    await expect(
      withRetry(
        () => {
          calls++;
          return Promise.reject(error('dav.unavailable'));
        },
        { sleep: () => Promise.resolve(), random: () => 1 },
        defaultRetryPolicy,
        controller.signal,
      ),
    ).rejects.toMatchObject({ code: 'dav.unavailable' });
    expect(calls).toBe(1);
  });
});

describe('total time of the retries', () => {
  it('stops retrying once the waits together would pass maxTotalWaitMs', async () => {
    const slept: number[] = [];
    let calls = 0;
    const outcome = withRetry(
      () => {
        calls++;
        return Promise.reject(error('dav.timeout'));
      },
      { sleep: (ms) => (slept.push(ms), Promise.resolve()), random: () => 1 },
      { ...defaultRetryPolicy, maxAttempts: 10, maxTotalWaitMs: 2000 },
    );
    await expect(outcome).rejects.toMatchObject({ code: 'dav.timeout' });
    // 500 + 1000 = 1500; the next wait (2000) would pass 2000 in all: no more tries.
    expect(slept).toEqual([500, 1000]);
    expect(calls).toBe(3);
  });
});

describe('delays', () => {
  it('honours Retry-After, and refuses to wait too long', () => {
    expect(delayFor(error('dav.unavailable', 7), 1, 0.3, defaultRetryPolicy)).toBe(7000);
    expect(delayFor(error('dav.unavailable', 3600), 1, 0.3, defaultRetryPolicy)).toBeUndefined();
  });

  it('spreads waits with full jitter under a ceiling', () => {
    expect(delayFor(error('dav.network'), 10, 1, defaultRetryPolicy)).toBe(
      defaultRetryPolicy.maxDelayMs,
    );
    expect(delayFor(error('dav.network'), 3, 0.5, defaultRetryPolicy)).toBe(1000);
  });

  it('reads both forms of Retry-After', () => {
    const now = new Date('2026-11-26T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Thu, 26 Nov 2026 10:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Thu, 26 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
