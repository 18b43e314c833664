// Which of Google's failures are worth another try, read from gaxios' error: the HTTP status,
// the API's error reasons (`error.errors[].reason`, Calendar/Drive/Tasks; `error.details[]
// .reason`, People's AIP-193 form) and Retry-After. Google's guides ask clients to back off and
// try again on 429, on 403 `rateLimitExceeded`/`userRateLimitExceeded`, and on 5xx; a 403
// `quotaExceeded`/`dailyLimitExceeded` does not clear within minutes and passes through.
// A connection that broke before any answer (a laptop changing Wi-Fi at an install party) is
// tried again the same way, as status 0.

import { errorReasons } from './error-reasons.ts';

export type RetryDecision =
  | { readonly type: 'retry'; readonly status: number; readonly retryAfterMs: number | null }
  /** The access token was refused: refresh it and try once more. */
  | { readonly type: 'reauthorize' }
  /** The refresh token was refused (revoked, expired): the family must sign in again. */
  | { readonly type: 'revoked' }
  | { readonly type: 'fail' };

// Node's and undici's names for a connection that failed or broke; gaxios copies them to `code`.
const TRANSIENT_NETWORK = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded']);
// People API (AIP-193 ErrorInfo): the same limits, spelled in upper case.
const RATE_LIMIT_DETAILS = new Set(['RATE_LIMIT_EXCEEDED']);

type Fields = Readonly<Record<string, unknown>>;

function fields(value: unknown): Fields | null {
  return typeof value === 'object' && value !== null ? (value as Fields) : null;
}

function header(headers: unknown, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const plain = fields(headers);
  if (plain === null) return null;
  const value = plain[name] ?? plain[name.toLowerCase()];
  return typeof value === 'string' ? value : null;
}

/** Retry-After (RFC 9110 §10.2.3): seconds, or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

export function retryDecision(failure: unknown, now: number): RetryDecision {
  const response = fields(fields(failure)?.['response']);
  if (response === null) {
    const code = fields(failure)?.['code'];
    return typeof code === 'string' && TRANSIENT_NETWORK.has(code)
      ? { type: 'retry', status: 0, retryAfterMs: null }
      : { type: 'fail' };
  }
  const status = typeof response['status'] === 'number' ? response['status'] : 0;
  const data = response['data'];
  // The token endpoint's answer to a refresh (RFC 6749 §5.2), not an API's.
  if (fields(data)?.['error'] === 'invalid_grant') return { type: 'revoked' };
  if (status === 401) return { type: 'reauthorize' };
  const reasons = errorReasons(failure);
  const rateLimited =
    status === 429 ||
    (status === 403 &&
      reasons.some((reason) => RATE_LIMIT_REASONS.has(reason) || RATE_LIMIT_DETAILS.has(reason)));
  if (!rateLimited && !(status >= 500 && status <= 599)) return { type: 'fail' };
  return {
    type: 'retry',
    status,
    retryAfterMs: retryAfterMs(header(response['headers'], 'retry-after'), now),
  };
}
