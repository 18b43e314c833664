// The Google stand-in's HTTP server (tests only): one loopback port serving, under Google's own
// paths, the routes each product brings (oauth.ts, calendar-api.ts, people-api.ts, tasks-api.ts,
// drive-api.ts). It checks the bearer token every API request carries against the tokens the
// stand-in's token endpoint issued, and can be told to answer like an overloaded Google
// (429 / 403 rateLimitExceeded / 503) so the client's backoff is exercised.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The scopes an access token was granted, as the token endpoint issued it. */
export interface GrantedAccess {
  readonly scopes: readonly string[];
}

/** Access tokens the stand-in knows; the OAuth route issues them, API routes check them. */
export class TokenBook {
  readonly #tokens = new Map<string, GrantedAccess>();

  issue(scopes: readonly string[]): string {
    const token = `ya29.standin-${randomBytes(12).toString('hex')}`;
    this.#tokens.set(token, { scopes: [...scopes] });
    return token;
  }

  /** Drops one token (the stand-in's /revoke, or a test expiring it before its time). */
  revoke(token: string): boolean {
    return this.#tokens.delete(token);
  }

  revokeAll(): void {
    this.#tokens.clear();
  }

  check(authorization: string | undefined): GrantedAccess | null {
    const match = /^Bearer (\S+)$/.exec(authorization ?? '');
    return match?.[1] === undefined ? null : (this.#tokens.get(match[1]) ?? null);
  }
}

export interface StandInRequest {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  /** The bearer token's grant; null when absent or unknown (API routes answer 401). */
  readonly access: GrantedAccess | null;
}

/** One product's endpoints: true when it answered the request. */
export type StandInRoute = (request: StandInRequest) => Promise<boolean> | boolean;

export type StandInFault =
  'rate-limit-429' | 'rate-limit-403' | 'user-rate-limit-403' | 'server-error';

export interface StandInOptions {
  readonly routes: readonly StandInRoute[];
  readonly tokens: TokenBook;
  /** Asked before each API request (not the OAuth ones): a fault to answer instead, or null. */
  readonly fault?: (url: URL) => StandInFault | null;
  /** Milliseconds before each API answer (Google's network and servers, for benchmarks). */
  readonly latencyMs?: number;
}

export interface RunningStandIn {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  /** Every request received, method and path with query, in order (for assertions). */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

/** Google's JSON error shape (`{ error: { code, message, errors: [{ reason }], status } }`). */
export function sendGoogleError(
  res: ServerResponse,
  code: number,
  reason: string,
  message: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  const status =
    code === 429
      ? 'RESOURCE_EXHAUSTED'
      : code === 403
        ? 'PERMISSION_DENIED'
        : code === 404
          ? 'NOT_FOUND'
          : code === 401
            ? 'UNAUTHENTICATED'
            : 'INTERNAL';
  res.writeHead(code, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  res.end(
    JSON.stringify({
      error: { code, message, errors: [{ domain: 'global', reason, message }], status },
    }),
  );
}

export function sendJson(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
  res.end(JSON.stringify(body));
}

/** True when the grant holds `scope`; otherwise answers 401/403 as Google does and false. */
export function requireScope(request: StandInRequest, scope: string): boolean {
  if (request.access === null) {
    sendGoogleError(
      request.res,
      401,
      'authError',
      'Request had invalid authentication credentials.',
    );
    return false;
  }
  if (!request.access.scopes.includes(scope)) {
    sendGoogleError(
      request.res,
      403,
      'insufficientPermissions',
      'Request had insufficient authentication scopes.',
    );
    return false;
  }
  return true;
}

const FAULTS: Readonly<Record<StandInFault, [number, string, Record<string, string>]>> = {
  'rate-limit-429': [429, 'rateLimitExceeded', { 'retry-after': '0' }],
  'rate-limit-403': [403, 'rateLimitExceeded', {}],
  'user-rate-limit-403': [403, 'userRateLimitExceeded', {}],
  'server-error': [503, 'backendError', {}],
};

export async function startGoogleStandIn(options: StandInOptions): Promise<RunningStandIn> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${req.method ?? 'GET'} ${url.pathname}${url.search}`);
    const isOAuth =
      url.pathname.startsWith('/o/oauth2/') || ['/token', '/revoke'].includes(url.pathname);
    const fault = isOAuth ? null : (options.fault?.(url) ?? null);
    if (fault !== null) {
      const [code, reason, headers] = FAULTS[fault];
      sendGoogleError(res, code, reason, `stand-in fault: ${reason}`, headers);
      return;
    }
    const request: StandInRequest = {
      req,
      res,
      url,
      access: options.tokens.check(req.headers.authorization),
    };
    void (async () => {
      if (!isOAuth && (options.latencyMs ?? 0) > 0) {
        await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
      }
      for (const route of options.routes) {
        if (await route(request)) return;
      }
      sendGoogleError(res, 404, 'notFound', `stand-in: no route for ${url.pathname}`);
    })().catch((error: unknown) => {
      if (!res.headersSent) sendGoogleError(res, 500, 'backendError', String(error));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
