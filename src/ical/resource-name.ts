// Names on the server. A UID can hold anything (`/`, `%`, spaces, 300 characters; SyncEvolution
// notes `%` breaks Google's own CalDAV), so it never becomes a path segment itself: the resource
// is named after a hash of it — stable across runs, so a re-run finds and updates the same one.
import { createHash } from 'node:crypto';

export function resourceNameFor(uid: string, extension: 'ics' | 'vcf'): string {
  return `${createHash('sha1').update(uid, 'utf8').digest('hex')}.${extension}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Orders text by code units, the same on every machine (`localeCompare` follows the user's
 * locale, and output that must be identical on every run cannot depend on it).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
