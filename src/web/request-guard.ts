// Who may talk to `baluchon web`. The server listens on 127.0.0.1 only, but any web page the
// user visits could still send requests to it, and DNS rebinding can make a foreign name point
// at 127.0.0.1. So every request must (1) name us in its Host header, (2) if it carries an
// Origin, come from our own origin, and (3) carry the session's random token as the first path
// segment. Putting the token in the path (rather than a cookie) means relative URLs (assets,
// API, events) carry it without any script, and cookies (shared across ports) are never used.
import { timingSafeEqual } from 'node:crypto';

export type GuardVerdict =
  | { ok: true; rest: string }
  | { ok: false; status: 403 | 404 | 421; reason: 'host' | 'origin' | 'token' | 'cross-site' };

export interface GuardRequest {
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
  /** Path and query, as received (`/<token>/api/scan?x=1`). */
  url: string;
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function checkRequest(request: GuardRequest, port: number, token: string): GuardVerdict {
  const hosts = allowedHosts(port);
  if (request.host === undefined || !hosts.includes(request.host.toLowerCase())) {
    // 421 Misdirected Request: the name the client used is not ours (RFC 9110 §15.5.20).
    return { ok: false, status: 421, reason: 'host' };
  }
  if (request.origin !== undefined && !hosts.some((host) => request.origin === `http://${host}`)) {
    return { ok: false, status: 403, reason: 'origin' };
  }
  // Fetch metadata (sent by every current browser): a request started by another site is refused
  // even if it somehow carried the token.
  if (request.secFetchSite === 'cross-site' || request.secFetchSite === 'same-site') {
    return { ok: false, status: 403, reason: 'cross-site' };
  }
  const match = /^\/([A-Za-z0-9_-]+)(\/.*)?$/.exec(request.url);
  const given = match?.[1];
  if (given === undefined || !sameToken(given, token)) {
    return { ok: false, status: 403, reason: 'token' };
  }
  return { ok: true, rest: match?.[2] ?? '' };
}

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
