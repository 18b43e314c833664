// Lists the members of a calendar or address book without sync-collection: PROPFIND Depth 1
// (RFC 4918 §9.1) for hrefs and ETags. Also tells which members of a calendar hold a task, by a
// calendar-query with a VTODO comp-filter (RFC 4791 §7.8, §9.7.1), hrefs only.
import type { DavClient } from './dav-client.ts';
import type { MemberRef } from './sync-collection.ts';
import { hrefKey, report } from './report.ts';
import { clark, ns, propText, resourceTypes } from './xml.ts';

export async function listByPropfind(
  client: DavClient,
  collection: string,
  signal?: AbortSignal,
): Promise<MemberRef[]> {
  const { entries } = await client.propfind(
    collection,
    [clark(ns.dav, 'getetag'), clark(ns.dav, 'resourcetype')],
    '1',
    signal === undefined ? {} : { signal },
  );
  const self = hrefKey(collection);
  return entries
    .filter((entry) => hrefKey(entry.url) !== self)
    .filter((entry) => !resourceTypes(entry).has(clark(ns.dav, 'collection')))
    .map((entry) => ({ url: entry.url, etag: propText(entry, clark(ns.dav, 'getetag')) ?? null }));
}

const taskQuery =
  '<?xml version="1.0" encoding="utf-8"?>' +
  '<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">' +
  '<d:prop><d:getetag/></d:prop>' +
  '<c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VTODO"/></c:comp-filter></c:filter>' +
  '</c:calendar-query>';

/** The hrefs (as hrefKey) of the calendar's members holding a VTODO. */
export async function listTaskMembers(
  client: DavClient,
  collection: string,
  signal?: AbortSignal,
): Promise<Set<string>> {
  const entries = await report(client, collection, taskQuery, '1', signal);
  const self = hrefKey(collection);
  return new Set(
    entries
      .filter((entry) => entry.status === undefined || entry.status < 300)
      .map((entry) => hrefKey(entry.url))
      .filter((key) => key !== self),
  );
}
