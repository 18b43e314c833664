// How long connecting may take. A family waits on this screen, so every part has a bound:
// each request (its answer included) has a deadline, retries wait at most so long in all, and
// the whole discovery has its own deadline. Without them a server sending one byte every 20 s
// held a PROPFIND for ever, and a silent one was retried for about 48 minutes (6 tries × 60 s
// timeout × 8 addresses tried).
import type { RetryPolicy } from './retry.ts';

export interface DiscoveryLimits {
  /** Longest time for one request, answer included. */
  requestDeadlineMs: number;
  /** Longest time for the whole discovery, retries and every address tried included. */
  discoveryDeadlineMs: number;
  retryPolicy: RetryPolicy;
  /** Largest answer read: discovery's are a few kilobytes (a principal, its home sets). */
  maxAnswerBytes: number;
}

export const defaultDiscoveryLimits: DiscoveryLimits = {
  requestDeadlineMs: 30_000,
  discoveryDeadlineMs: 3 * 60_000,
  maxAnswerBytes: 1024 * 1024,
  retryPolicy: {
    maxAttempts: 3,
    baseDelayMs: 500,
    maxDelayMs: 5_000,
    // A server asking to wait longer than this while the family watches is told as unreachable.
    maxRetryAfterMs: 30_000,
    maxTotalWaitMs: 20_000,
  },
};
