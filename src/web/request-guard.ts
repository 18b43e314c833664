// Who may talk to `baluchon web`. The server listens on 127.0.0.1 only, but any web page the
// user visits could still send requests to it, and DNS rebinding can make a foreign name point
// at 127.0.0.1. So every request must (1) name us in its Host header, (2) if it carries an
// Origin, come from our own origin, (3) not be started by another site (fetch metadata), and
// (4) carry the session's secret in its cookie — except the entry address, which carries a
// one-time code instead (src/web/entry-codes.ts) and is where the cookie is handed over.
//
// The secret lives in a cookie rather than in the address so that it is never on a command
// line (the browser's, when Baluchon opens it) nor in the history. Cookies are not told apart
// by port, so the cookie's name carries the port: two `baluchon web` on this computer do not
// overwrite each other's, and SameSite=Strict keeps it from riding along on a request another
// site starts.
import { timingSafeEqual } from 'node:crypto';

export type GuardVerdict =
  | { ok: true; session: boolean }
  | { ok: false; status: 403 | 421; reason: 'host' | 'origin' | 'token' | 'cross-site' };

export interface GuardRequest {
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
  /** The Cookie header, as received. */
  cookie: string | undefined;
  /** The path, without its query (`/api/scan`). */
  path: string;
}

/** The one address a browser may open without the session cookie (with `?code=`). */
export const entryPath = '/enter';

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function sessionCookieName(port: number): string {
  return `baluchon-${String(port)}`;
}

/**
 * The Set-Cookie value that lets this browser in: no Domain (this host only), Path=/,
 * HttpOnly (no script reads it), SameSite=Strict (never sent on a request another site starts),
 * no Max-Age (gone when the browser closes: a volunteer's computer serves one family after another).
 */
export function sessionCookie(port: number, secret: string): string {
  return `${sessionCookieName(port)}=${secret}; Path=/; HttpOnly; SameSite=Strict`;
}

export function checkRequest(request: GuardRequest, port: number, secret: string): GuardVerdict {
  const hosts = allowedHosts(port);
  if (request.host === undefined || !hosts.includes(request.host.toLowerCase())) {
    // 421 Misdirected Request: the name the client used is not ours (RFC 9110 §15.5.20).
    return { ok: false, status: 421, reason: 'host' };
  }
  if (request.origin !== undefined && !hosts.some((host) => request.origin === `http://${host}`)) {
    return { ok: false, status: 403, reason: 'origin' };
  }
  // Fetch metadata (sent by every current browser): a request started by another site is refused
  // even if it somehow carried the cookie or a code.
  if (request.secFetchSite === 'cross-site' || request.secFetchSite === 'same-site') {
    return { ok: false, status: 403, reason: 'cross-site' };
  }
  if (hasSession(request.cookie, sessionCookieName(port), secret))
    return { ok: true, session: true };
  if (request.path === entryPath) return { ok: true, session: false };
  return { ok: false, status: 403, reason: 'token' };
}

function hasSession(header: string | undefined, name: string, secret: string): boolean {
  if (header === undefined) return false;
  // RFC 6265 §5.4: `name=value` pairs separated by "; ". A browser may send several cookies of
  // the same name (set by other paths): any one of them may be ours.
  return header.split(';').some((pair) => {
    const at = pair.indexOf('=');
    return (
      at > 0 && pair.slice(0, at).trim() === name && sameSecret(pair.slice(at + 1).trim(), secret)
    );
  });
}

function sameSecret(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}
