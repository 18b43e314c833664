// What can go wrong talking to a DAV server, as codes a caller can act on: retry (network,
// 429, 503, 423), stop the run (401/403 password, 507 server full), or fail one item (other
// 4xx). Never recognised by message text.
import type { davErrorCodes } from '../errors/error-codes.ts';
import { BaluchonError } from '../errors/baluchon-error.ts';
export type DavErrorCode = (typeof davErrorCodes)[number];

export interface DavErrorDetails {
  method: string;
  url: string;
  status?: number;
  /** Server's explanation (trimmed), or the network error's code. */
  detail?: string;
  /** Seconds the server asked us to wait (Retry-After), when it said so. */
  retryAfterSeconds?: number;
  /** An earlier try of this same request may have been carried out (see afterLostAnswer). */
  afterLostAnswer?: boolean;
}

export class DavError extends BaluchonError {
  declare readonly code: DavErrorCode;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;
  /**
   * An earlier try of this request was cut off after it left (connection reset, timeout): the
   * server may have done it. A 412 on the retry of a conditional write is then most likely that
   * earlier try's own doing, not someone else's change.
   */
  readonly afterLostAnswer: boolean;
  readonly #details: DavErrorDetails;

  constructor(code: DavErrorCode, details: DavErrorDetails, options?: { cause?: unknown }) {
    const flat: Record<string, string | number> = { method: details.method, url: details.url };
    if (details.status !== undefined) flat['status'] = details.status;
    if (details.detail !== undefined) flat['detail'] = details.detail;
    super(code, flat, options);
    this.name = 'DavError';
    this.status = details.status;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.afterLostAnswer = details.afterLostAnswer === true;
    this.#details = details;
  }

  /** The same error, known to follow a try whose answer was lost. */
  followingLostAnswer(): DavError {
    if (this.afterLostAnswer) return this;
    return new DavError(this.code, { ...this.#details, afterLostAnswer: true }, { cause: this });
  }
}

/** The request may have reached the server and been carried out, although no answer came. */
export function mayHaveArrived(error: unknown): boolean {
  return (
    error instanceof DavError && (error.code === 'dav.network' || error.code === 'dav.timeout')
  );
}

export function codeForStatus(status: number): DavErrorCode {
  switch (status) {
    case 401:
      return 'dav.unauthorized';
    case 403:
      return 'dav.forbidden';
    case 404:
      return 'dav.not-found';
    case 405:
      return 'dav.not-allowed';
    case 409:
      return 'dav.conflict';
    case 412:
      return 'dav.precondition-failed';
    case 413:
      return 'dav.too-large';
    case 415:
      return 'dav.unsupported-media';
    case 423:
      return 'dav.locked';
    case 429:
      return 'dav.rate-limited';
    case 507:
      return 'dav.server-full';
    case 502:
    case 503:
    case 504:
      return 'dav.unavailable';
    default:
      return status >= 500 ? 'dav.server-error' : 'dav.refused';
  }
}

/** Worth trying again after a pause (RFC 9110 §15.6.4 503, RFC 6585 §4 429, RFC 4918 §11.3 423). */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof DavError)) return false;
  return (
    error.code === 'dav.network' ||
    error.code === 'dav.timeout' ||
    error.code === 'dav.rate-limited' ||
    error.code === 'dav.unavailable' ||
    error.code === 'dav.locked'
  );
}

/** The whole run must stop: retrying or going on with other items cannot help. */
export function stopsTheRun(error: unknown): boolean {
  return (
    error instanceof DavError &&
    (error.code === 'dav.unauthorized' ||
      error.code === 'dav.forbidden' ||
      error.code === 'dav.server-full')
  );
}
