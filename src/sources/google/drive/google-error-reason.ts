// Google's error answers name their cause in `error.errors[0].reason` (`exportSizeLimitExceeded`,
// `notFound`…), which is what the reader decides on, never the message text. Gaxios keeps the
// answer's body on the error as `response.data`; for a streamed request (responseType 'stream',
// gaxios 7.1) the data is left out and the body's text becomes the error's message instead
// (read by src/google/api/error-reasons.ts, as the backoff reads it).

import { errorReasons } from '../../../google/api/error-reasons.ts';

export interface GoogleErrorReason {
  readonly status: number | null;
  readonly reason: string | null;
}

export function googleErrorReason(error: unknown): GoogleErrorReason {
  if (typeof error !== 'object' || error === null) return { status: null, reason: null };
  const { response, status } = error as {
    response?: { status?: unknown };
    status?: unknown;
  };
  const code =
    typeof response?.status === 'number'
      ? response.status
      : typeof status === 'number'
        ? status
        : null;
  return { status: code, reason: errorReasons(error)[0] ?? null };
}
