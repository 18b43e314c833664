// HTTP for every DAV request, on undici: keep-alive connections bounded per server (so a run
// never opens more sockets than its concurrency), a timeout for each request, cancellation by
// AbortSignal, and network failures turned into DavError codes a volunteer can act on.
import type { Readable } from 'node:stream';
import { Agent, request } from 'undici';
import { DavError } from './dav-error.ts';
import type { DavErrorCode } from './dav-error.ts';

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer | Readable;
  signal?: AbortSignal;
  /**
   * Longest time for the whole exchange, body included (the per-piece timeouts alone let a
   * server sending one byte every 20 s hold a request for ever). Left out for streamed file
   * transfers, whose length has no bound known in advance.
   */
  deadlineMs?: number;
  /** Cap of `text()` for this answer, when smaller than the client's `maxTextBytes`. */
  maxTextBytes?: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Reads the whole body as text (bounded by `maxTextBytes`). */
  text(): Promise<string>;
  /** The body as a stream; call `dump()` instead when it is not needed. */
  stream(): Readable;
  dump(): Promise<void>;
}

export type HttpSend = (request: HttpRequest) => Promise<HttpResponse>;

export interface HttpClient {
  send: HttpSend;
  close(): Promise<void>;
}

export interface HttpClientOptions {
  /** Most sockets open at once to one server (the transfer's concurrency). */
  connections?: number;
  /** Longest wait for response headers, and for each piece of body. */
  timeoutMs?: number;
  userAgent?: string;
  maxTextBytes?: number;
  /** Certificates to trust besides the system's (tests' self-signed loopback servers). */
  ca?: string | Buffer;
}

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const timeout = options.timeoutMs ?? 60_000;
  const maxText = options.maxTextBytes ?? 64 * 1024 * 1024;
  const agent = new Agent({
    connections: options.connections ?? 4,
    keepAliveTimeout: 30_000,
    headersTimeout: timeout,
    bodyTimeout: timeout,
    connect: {
      timeout: Math.min(timeout, 30_000),
      ...(options.ca === undefined ? {} : { ca: options.ca }),
    },
  });
  const userAgent = options.userAgent ?? 'Baluchon';

  const send: HttpSend = async (req) => {
    const deadline = req.deadlineMs === undefined ? undefined : AbortSignal.timeout(req.deadlineMs);
    const signal =
      deadline === undefined
        ? req.signal
        : req.signal === undefined
          ? deadline
          : AbortSignal.any([req.signal, deadline]);
    let response: Awaited<ReturnType<typeof request>>;
    try {
      response = await request(req.url, {
        method: req.method as 'GET',
        headers: { 'user-agent': userAgent, ...req.headers },
        body: req.body ?? null,
        signal,
        dispatcher: agent,
      });
    } catch (error) {
      throw networkError(req, error, deadline);
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const body = response.body;
    const cap = Math.min(maxText, req.maxTextBytes ?? maxText);
    return {
      status: response.statusCode,
      headers,
      async text() {
        let size = 0;
        const chunks: Buffer[] = [];
        try {
          for await (const chunk of body) {
            const buffer = chunk as Buffer;
            size += buffer.length;
            if (size > cap) {
              body.destroy();
              throw new DavError('dav.bad-response', {
                method: req.method,
                url: req.url,
                detail: `response larger than ${String(cap)} bytes`,
              });
            }
            chunks.push(buffer);
          }
        } catch (error) {
          if (error instanceof DavError) throw error;
          throw networkError(req, error, deadline);
        }
        return Buffer.concat(chunks).toString('utf8');
      },
      stream: () => body,
      async dump() {
        await body.dump().catch(() => undefined);
      },
    };
  };

  return { send, close: () => agent.close() };
}

/** Names a network failure the way a volunteer can repeat it to the host. */
export function networkError(
  req: Pick<HttpRequest, 'method' | 'url' | 'signal' | 'deadlineMs'>,
  error: unknown,
  deadline?: AbortSignal,
): Error {
  if (req.signal?.aborted === true) {
    // Cancellation is not a network problem: let the caller see the abort reason.
    const reason: unknown = req.signal.reason;
    return reason instanceof Error ? reason : new Error('aborted');
  }
  if (deadline?.aborted === true) {
    return new DavError(
      'dav.timeout',
      {
        method: req.method,
        url: req.url,
        detail: `no whole answer in ${String(req.deadlineMs)} ms`,
      },
      { cause: error },
    );
  }
  const code = errorCode(error);
  const mapped: DavErrorCode =
    code === 'ENOTFOUND' || code === 'EAI_AGAIN'
      ? 'dav.host-not-found'
      : code === 'ECONNREFUSED'
        ? 'dav.connection-refused'
        : code.startsWith('UND_ERR_') && code.includes('TIMEOUT')
          ? 'dav.timeout'
          : code === 'ETIMEDOUT'
            ? 'dav.timeout'
            : isTlsCode(code)
              ? 'dav.tls'
              : 'dav.network';
  return new DavError(mapped, { method: req.method, url: req.url, detail: code }, { cause: error });
}

function errorCode(error: unknown): string {
  // undici wraps the socket error in `cause`; look at both levels.
  for (let current: unknown = error, depth = 0; current !== undefined && depth < 4; depth++) {
    if (typeof current === 'object' && current !== null && 'code' in current) {
      const code = current.code;
      if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') return code;
    }
    current =
      typeof current === 'object' && current !== null
        ? (current as { cause?: unknown }).cause
        : undefined;
  }
  return 'ECONNRESET';
}

function isTlsCode(code: string): boolean {
  return (
    code.startsWith('ERR_TLS') ||
    code.startsWith('ERR_SSL') ||
    code.includes('CERT') ||
    code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ||
    code === 'SELF_SIGNED_CERT_IN_CHAIN' ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    code === 'EPROTO'
  );
}
