// One account on one DAV server: authenticated requests with retries, the XML methods of
// WebDAV/CalDAV/CardDAV, and non-2xx answers turned into DavError (never returned as data).
import type { Readable } from 'node:stream';
import { originOf, requireSameOrigin } from './credential-origin.ts';
import { DavError, codeForStatus } from './dav-error.ts';
import type { HttpResponse, HttpSend } from './http-client.ts';
import { parseRetryAfter, withRetry } from './retry.ts';
import type { RetryDeps, RetryPolicy } from './retry.ts';
import { makeCollectionBody, parseMultistatus, propfindBody, proppatchBody } from './xml.ts';
import type { MultistatusEntry, PropValue } from './xml.ts';

export interface Credentials {
  username: string;
  password: string;
}

export interface DavClientDeps {
  send: HttpSend;
  credentials: Credentials;
  retry: RetryDeps;
  retryPolicy?: RetryPolicy;
  now: () => Date;
  /**
   * The origin the credentials belong to (credential-origin.ts): the address the family typed,
   * or the account's server. Left out, the first request binds it — every user of a client
   * starts at that address (discovery at the typed one, a move at the account's server).
   */
  origin?: string;
  /** Longest time for each request, body included (http-client.ts `deadlineMs`). */
  requestDeadlineMs?: number;
  /** Largest answer read whole (http-client.ts `maxTextBytes`), when smaller than its own. */
  maxAnswerBytes?: number;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  body?: string | Buffer | (() => Readable);
  signal?: AbortSignal;
  /** Statuses that are an answer, not an error (2xx always are). */
  accept?: readonly number[];
  /** Follow redirects (GET, PROPFIND during discovery). */
  followRedirects?: boolean;
  /** Retry network errors, 429, 503 and 423 (default true; false for non-repeatable bodies). */
  retry?: boolean;
  /** A 207 answer is a refusal whose inner status says why (PUT, MKCALENDAR on Xandikos). */
  multistatusIsRefusal?: boolean;
}

export interface DavResponse {
  status: number;
  headers: Record<string, string>;
  /** The URL that answered, after redirects. */
  url: string;
  response: HttpResponse;
}

const maxRedirects = 5;

export class DavClient {
  readonly #deps: DavClientDeps;
  readonly #authorization: string;
  #origin: string | undefined;

  constructor(deps: DavClientDeps) {
    this.#deps = deps;
    this.#origin = deps.origin === undefined ? undefined : originOf(deps.origin);
    const pair = `${deps.credentials.username}:${deps.credentials.password}`;
    // RFC 7617 §2.1: UTF-8 is what current servers expect for non-ASCII passwords.
    this.#authorization = `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
  }

  get username(): string {
    return this.#deps.credentials.username;
  }

  /** The origin the credentials are bound to, once known. */
  get origin(): string | undefined {
    return this.#origin;
  }

  async request(method: string, url: string, options: RequestOptions = {}): Promise<DavResponse> {
    this.#origin ??= originOf(url);
    // Any URL, typed or read from a server's XML (principal, home sets, hrefs), is checked here,
    // before anything leaves: a server cannot send the password elsewhere.
    requireSameOrigin(this.#origin, url, method);
    const once = (): Promise<DavResponse> => this.#requestOnce(method, url, options);
    if (options.retry === false) return once();
    return withRetry(once, this.#deps.retry, this.#deps.retryPolicy, options.signal);
  }

  async #requestOnce(method: string, url: string, options: RequestOptions): Promise<DavResponse> {
    let current = url;
    for (let hop = 0; ; hop++) {
      const body = typeof options.body === 'function' ? options.body() : options.body;
      const response = await this.#deps.send({
        method,
        url: current,
        // Every hop is on the bound origin (checked before following it): credentials go along.
        headers: { authorization: this.#authorization, ...options.headers },
        ...(body === undefined ? {} : { body }),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
        ...(this.#deps.requestDeadlineMs === undefined
          ? {}
          : { deadlineMs: this.#deps.requestDeadlineMs }),
        ...(this.#deps.maxAnswerBytes === undefined
          ? {}
          : { maxTextBytes: this.#deps.maxAnswerBytes }),
      });
      const location = response.headers['location'];
      if (
        options.followRedirects === true &&
        [301, 302, 303, 307, 308].includes(response.status) &&
        location !== undefined &&
        hop < maxRedirects
      ) {
        await response.dump();
        const next = new URL(location, current).href;
        // Refused, not followed without credentials: the family learns where they were sent.
        requireSameOrigin(this.#origin ?? originOf(url), next, method);
        current = next;
        continue;
      }
      const ok =
        (response.status >= 200 && response.status < 300) ||
        options.accept?.includes(response.status) === true;
      if (ok && response.status === 207 && options.multistatusIsRefusal === true) {
        // Inside the retried attempt, so that a refusal met by a retry says so (afterLostAnswer).
        throw await refusalIn207(method, current, response);
      }
      if (ok) return { status: response.status, headers: response.headers, url: current, response };
      throw await this.#error(method, current, response);
    }
  }

  async #error(method: string, url: string, response: HttpResponse): Promise<DavError> {
    const text = await response.text().catch(() => '');
    const retryAfter = parseRetryAfter(response.headers['retry-after'], this.#deps.now());
    return new DavError(codeForStatus(response.status), {
      method,
      url,
      status: response.status,
      detail: summarise(text),
      ...(retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter }),
    });
  }

  async propfind(
    url: string,
    props: readonly string[],
    depth: '0' | '1',
    options: Pick<RequestOptions, 'signal' | 'followRedirects'> = {},
  ): Promise<{ url: string; entries: MultistatusEntry[] }> {
    const answer = await this.request('PROPFIND', url, {
      ...options,
      headers: { depth, 'content-type': 'application/xml; charset=utf-8' },
      body: propfindBody(props),
    });
    const text = await answer.response.text();
    return {
      url: answer.url,
      entries: multistatusOf('PROPFIND', answer, text, 'dav.not-dav'),
    };
  }

  async proppatch(
    url: string,
    values: ReadonlyMap<string, PropValue>,
    signal?: AbortSignal,
  ): Promise<void> {
    const answer = await this.request('PROPPATCH', url, {
      headers: { 'content-type': 'application/xml; charset=utf-8' },
      body: proppatchBody(values),
      ...(signal === undefined ? {} : { signal }),
    });
    await answer.response.dump();
  }

  /** Creates a collection: MKCALENDAR, or extended MKCOL with properties (RFC 5689), or a plain
   * MKCOL. A 405 means something already exists there: the caller decides what it is. */
  async makeCollection(
    method: 'MKCALENDAR' | 'MKCOL',
    url: string,
    values: ReadonlyMap<string, PropValue> | undefined,
    signal?: AbortSignal,
  ): Promise<void> {
    const answer = await this.request(method, url, {
      ...(values === undefined
        ? {}
        : {
            headers: { 'content-type': 'application/xml; charset=utf-8' },
            body: makeCollectionBody(method === 'MKCALENDAR' ? 'mkcalendar' : 'mkcol', values),
          }),
      ...(signal === undefined ? {} : { signal }),
      // Xandikos refuses a MKCALENDAR where something exists with a 207 holding a 403
      // (resource-must-be-null): a 207 to a creation is never a success (RFC 4791 §5.3.1 says
      // 201 or an error).
      multistatusIsRefusal: true,
    });
    await answer.response.dump();
  }

  async put(
    url: string,
    body: string | Buffer | (() => Readable),
    options: {
      contentType: string;
      ifMatch?: string;
      ifNoneMatch?: '*';
      headers?: Record<string, string>;
      signal?: AbortSignal;
      retry?: boolean;
    },
  ): Promise<{ etag: string | undefined; status: number }> {
    const headers: Record<string, string> = {
      'content-type': options.contentType,
      ...options.headers,
    };
    if (options.ifMatch !== undefined) headers['if-match'] = options.ifMatch;
    if (options.ifNoneMatch !== undefined) headers['if-none-match'] = options.ifNoneMatch;
    if (typeof body === 'string') headers['content-length'] = String(Buffer.byteLength(body));
    const answer = await this.request('PUT', url, {
      headers,
      body,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.retry === undefined ? {} : { retry: options.retry }),
      // Xandikos answers a refused PUT (e.g. a UID already used by another resource) with a
      // 207 whose inner status says why: a 207 to a PUT is never a success.
      multistatusIsRefusal: true,
    });
    await answer.response.dump();
    return { etag: answer.headers['etag'], status: answer.status };
  }

  async getText(
    url: string,
    signal?: AbortSignal,
  ): Promise<{ text: string; etag: string | undefined }> {
    const answer = await this.request('GET', url, { ...(signal === undefined ? {} : { signal }) });
    return { text: await answer.response.text(), etag: answer.headers['etag'] };
  }

  async delete(
    url: string,
    options: { ifMatch?: string; signal?: AbortSignal } = {},
  ): Promise<void> {
    const answer = await this.request('DELETE', url, {
      ...(options.ifMatch === undefined ? {} : { headers: { 'if-match': options.ifMatch } }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    await answer.response.dump();
  }
}

/** The refusal a 207 carries inside (its first non-2xx status), as the error it stands for. */
async function refusalIn207(
  method: string,
  url: string,
  response: HttpResponse,
): Promise<DavError> {
  const text = await response.text();
  const inner = /HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(text)?.[1];
  const status = inner === undefined ? 500 : Number(inner);
  return new DavError(codeForStatus(status), { method, url, status, detail: summarise(text) });
}

/** A short, single-line extract of a server's answer, for the report. */
/**
 * The entries of a 207 Multi-Status answer whose body was read as `text`. Another status is
 * `otherStatus` (a PROPFIND answered otherwise is no DAV server; a REPORT, a bad answer); a body
 * that does not parse is dav.bad-response.
 */
export function multistatusOf(
  method: string,
  answer: { readonly url: string; readonly status: number },
  text: string,
  otherStatus: 'dav.not-dav' | 'dav.bad-response',
): MultistatusEntry[] {
  if (answer.status !== 207) {
    throw new DavError(otherStatus, {
      method,
      url: answer.url,
      status: answer.status,
      detail: summarise(text),
    });
  }
  try {
    return parseMultistatus(text, answer.url);
  } catch (error) {
    throw new DavError(
      'dav.bad-response',
      { method, url: answer.url, detail: summarise(text) },
      { cause: error },
    );
  }
}

export function summarise(text: string): string {
  const withoutTags = text.replace(/<[^>]*>/g, ' ');
  return withoutTags.replace(/\s+/g, ' ').trim().slice(0, 300);
}
