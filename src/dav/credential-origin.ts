// Where a password may go. Credentials belong to one origin — scheme, host and port, compared as
// the URL standard does (`new URL(x).origin`) — the one the family typed, or the account's server
// that discovery confirmed from it. "The same site", for a redirect (the `.well-known` one
// included), a principal, a home set or any href read from a server's XML, means exactly that
// origin, with any path. Nothing else is:
// - another scheme: https → http would send the password in clear; http → https is refused too,
//   so the rule stays one comparison (the family types the https address instead);
// - another port: another program on the same machine may listen there;
// - another host, subdomains included: dav.example.org is not example.org — when it really is
//   the family's host, they can type that address directly, and it becomes the bound origin.
// The server is told nothing: a request to another origin is refused before it leaves.
import { DavError } from './dav-error.ts';

/** The origin of an absolute http(s) URL ("https://host:port", default port left out). */
export function originOf(url: string): string {
  return new URL(url).origin;
}

export function isSameOrigin(bound: string, url: string): boolean {
  return originOf(url) === bound;
}

/** Throws dav.other-origin when `url` is not on `bound`: its password is not sent there. */
export function requireSameOrigin(bound: string, url: string, method: string): void {
  if (isSameOrigin(bound, url)) return;
  throw new DavError('dav.other-origin', { method, url, detail: `credentials are for ${bound}` });
}
