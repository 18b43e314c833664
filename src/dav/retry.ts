// Retries with exponential backoff and full jitter (so many clients hitting one small host do
// not retry in step), honouring the server's Retry-After when it gives one. Sleep, clock and
// randomness are passed in; cancellation interrupts a wait at once.
import { DavError, isRetryable, mayHaveArrived } from './dav-error.ts';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the item fails and the run goes on. */
  maxRetryAfterMs: number;
  /**
   * Most time spent waiting between tries, all waits together. With a deadline per request
   * (http-client.ts), a request then ends within maxAttempts × deadline + this — without it, a
   * silent server costs maxAttempts × the timeout for every address discovery tries.
   */
  maxTotalWaitMs?: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 5 * 60_000,
};

export interface RetryDeps {
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
  /** Called before each wait, to show "the server asked us to wait…" in the progress. */
  onRetry?(info: { attempt: number; delayMs: number; error: DavError }): void;
}

export async function withRetry<T>(
  attempt: () => Promise<T>,
  deps: RetryDeps,
  policy: RetryPolicy = defaultRetryPolicy,
  signal?: AbortSignal,
): Promise<T> {
  // Whether an earlier try may have been carried out by the server: the final error says so,
  // so the caller of a conditional write can read a 412 as its own earlier try (sync-items.ts).
  let lostAnswer = false;
  let waited = 0;
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const final = lostAnswer && error instanceof DavError ? error.followingLostAnswer() : error;
      if (signal?.aborted === true || !isRetryable(error) || tries >= policy.maxAttempts) {
        throw final;
      }
      if (mayHaveArrived(error)) lostAnswer = true;
      const davError = error as DavError;
      const delay = delayFor(davError, tries, deps.random(), policy);
      if (delay === undefined) throw final;
      if (policy.maxTotalWaitMs !== undefined && waited + delay > policy.maxTotalWaitMs)
        throw final;
      waited += delay;
      deps.onRetry?.({ attempt: tries, delayMs: delay, error: davError });
      await deps.sleep(delay, signal);
    }
  }
}

/** The wait before try number `tries + 1`, or undefined when it would be too long. */
export function delayFor(
  error: DavError,
  tries: number,
  random: number,
  policy: RetryPolicy,
): number | undefined {
  if (error.retryAfterSeconds !== undefined) {
    const asked = error.retryAfterSeconds * 1000;
    return asked > policy.maxRetryAfterMs ? undefined : asked;
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (tries - 1));
  return Math.round(random * ceiling);
}

/** Retry-After is either seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined, now: Date): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
