// Lists the members of a calendar or address book with `sync-collection` (RFC 6578 §3), an
// initial sync (empty token): one REPORT that servers answer from their change index, which
// Radicale and Xandikos keep. Only hrefs and ETags are asked for — the data comes afterwards by
// multiget in batches (multiget.ts), so memory never holds a whole big calendar.
import type { DavClient } from './dav-client.ts';
import { DavError } from './dav-error.ts';
import { hrefKey, report } from './report.ts';
import { clark, ns, propText } from './xml.ts';

export interface MemberRef {
  /** Absolute URL of the resource. */
  readonly url: string;
  readonly etag: string | null;
}

const syncBody =
  '<?xml version="1.0" encoding="utf-8"?><d:sync-collection xmlns:d="DAV:">' +
  '<d:sync-token/><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>';

/**
 * The members, or null when the server turns the report down (403/405/501/400 or
 * `valid-sync-token` refused: RFC 6578 §3.2 lets it): the caller then lists with PROPFIND.
 */
export async function listBySyncCollection(
  client: DavClient,
  collection: string,
  signal?: AbortSignal,
): Promise<MemberRef[] | null> {
  let entries;
  try {
    // RFC 6578 §3.2: the request's Depth is 0; the sync-level element asks for the members.
    entries = await report(client, collection, syncBody, '0', signal);
  } catch (error) {
    if (error instanceof DavError && notOffered(error)) return null;
    throw error;
  }
  const self = hrefKey(collection);
  const members: MemberRef[] = [];
  for (const entry of entries) {
    // RFC 6578 §3.6: a 507 on the collection itself means the server cut the list short; a
    // partial list would lose items silently, so the caller lists with PROPFIND instead.
    if (entry.status === 507 && hrefKey(entry.url) === self) return null;
    // On an initial sync a 404 response names nothing; only members that exist are kept.
    if (entry.status !== undefined && (entry.status < 200 || entry.status >= 300)) continue;
    if (hrefKey(entry.url) === self) continue;
    members.push({ url: entry.url, etag: propText(entry, clark(ns.dav, 'getetag')) ?? null });
  }
  return members;
}

function notOffered(error: DavError): boolean {
  return (
    error.code === 'dav.forbidden' ||
    error.code === 'dav.not-allowed' ||
    error.code === 'dav.refused' ||
    error.code === 'dav.unsupported-media' ||
    error.status === 501
  );
}
