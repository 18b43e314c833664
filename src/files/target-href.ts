// Turning planned names into URLs below the import folder, with the guarantee that a path from
// the archive never addresses anything outside it. Names are already valid (no `/`, never `.` or
// `..`), and each segment is percent-encoded on its own (RFC 3986 §3.3: `%2F` is data, not a
// separator; `?`, `#`, `%` and `\` are escaped too, `\` being a separator to WHATWG URL parsers).
// The resolved URL is checked anyway: a planning bug must fail loudly, never write elsewhere.
import { BaluchonError } from '../errors/baluchon-error.ts';

/** `['Factures', 'relevé 1.pdf']` → `Factures/relev%C3%A9%201.pdf`. */
export function encodeRelative(segments: readonly string[]): string {
  return segments.map(encodeSegment).join('/');
}

function encodeSegment(segment: string): string {
  if (segment === '' || segment === '.' || segment === '..') {
    throw new BaluchonError('files.unsafe-path', { path: segment });
  }
  return encodeURIComponent(segment);
}

/** The collection's URL with exactly one trailing slash, so relative paths land inside it. */
export function asFolderUrl(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * The absolute URL of `relative` (encoded, '/'-separated) inside `folderUrl`, checked to be
 * strictly below it with as many segments as `relative` has.
 */
export function resolveInside(folderUrl: string, relative: string): string {
  const base = new URL(asFolderUrl(folderUrl));
  const resolved = new URL(relative, base);
  const depth = relative.split('/').length;
  const inside =
    resolved.origin === base.origin &&
    resolved.search === '' &&
    resolved.hash === '' &&
    resolved.pathname.startsWith(base.pathname) &&
    resolved.pathname.slice(base.pathname.length).split('/').length === depth &&
    !resolved.pathname
      .slice(base.pathname.length)
      .split('/')
      .some((segment) => segment === '' || segment === '.' || segment === '..');
  if (!inside) throw new BaluchonError('files.unsafe-path', { path: relative });
  return resolved.href;
}

/** The URLs of the folders between `folderUrl` and the file at `relative`, top first. */
export function parentFolders(folderUrl: string, relative: string): string[] {
  const segments = relative.split('/');
  const base = asFolderUrl(folderUrl);
  const parents: string[] = [];
  for (let depth = 1; depth < segments.length; depth++) {
    parents.push(`${resolveInside(base, segments.slice(0, depth).join('/'))}/`);
  }
  return parents;
}
