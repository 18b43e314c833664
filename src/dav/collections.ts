// Calendars, task lists and address books on the server: list them, create new ones with the
// family's names and colours, and list the resources inside (href, etag, size) for verification.
import type { DavClient } from './dav-client.ts';
import { DavError } from './dav-error.ts';
import { childElements, clark, ns, prop, propText, resourceTypes } from './xml.ts';
import type { MultistatusEntry, PropValue } from './xml.ts';

export type CollectionKind = 'calendar' | 'addressbook' | 'other';

export interface RemoteCollection {
  url: string;
  kind: CollectionKind;
  displayName: string | null;
  /** VEVENT, VTODO… for calendars (RFC 4791 §5.2.3); empty when the server does not say. */
  components: string[];
  /** Our own marker (see markerProp), when this collection was created by Baluchon. */
  marker: string | null;
}

export interface RemoteResource {
  url: string;
  etag: string | null;
  size: number | null;
}

/** A dead property Baluchon sets on what it creates, naming its source, so a re-run recognises
 * its own calendar even if the journal was lost. Servers should keep unknown properties
 * (RFC 4918 §4.3); Radicale and Nextcloud do. */
export const markerProp = clark(ns.baluchon, 'source');

/**
 * Xandikos keeps no dead property (a PROPPATCH of one answers 404 inside its 207) and refuses
 * calendar-description (409), but it stores DAV:comment (RFC 3253 §3.1.1) in the collection's
 * configuration: the marker is written there too, behind this prefix, and read from either.
 */
const commentProp = clark(ns.dav, 'comment');
const commentPrefix = 'baluchon-source:';

/** The properties to ask for to read a collection's marker (see markerOf). */
export const markerProps: readonly string[] = [markerProp, commentProp];

/** The marker Baluchon left on a collection, from its own property or from DAV:comment. */
export function markerOf(entry: MultistatusEntry): string | null {
  const own = propText(entry, markerProp);
  if (own !== undefined && own !== '') return own;
  const comment = propText(entry, commentProp);
  return comment?.startsWith(commentPrefix) === true ? comment.slice(commentPrefix.length) : null;
}

const listProps = [
  clark(ns.dav, 'resourcetype'),
  clark(ns.dav, 'displayname'),
  clark(ns.caldav, 'supported-calendar-component-set'),
  ...markerProps,
];

export async function listCollections(
  client: DavClient,
  home: string,
  signal?: AbortSignal,
): Promise<RemoteCollection[]> {
  const { entries } = await client.propfind(
    home,
    listProps,
    '1',
    signal === undefined ? {} : { signal },
  );
  return entries
    .filter((entry) => !sameUrl(entry.url, home))
    .map((entry) => {
      const types = resourceTypes(entry);
      const kind: CollectionKind = types.has(clark(ns.caldav, 'calendar'))
        ? 'calendar'
        : types.has(clark(ns.carddav, 'addressbook'))
          ? 'addressbook'
          : 'other';
      const componentSet = prop(entry, clark(ns.caldav, 'supported-calendar-component-set'));
      const components =
        componentSet === undefined
          ? []
          : childElements(componentSet, ns.caldav, 'comp').flatMap((comp) => {
              const name = comp.getAttribute('name');
              return name === null ? [] : [name.toUpperCase()];
            });
      return {
        url: entry.url,
        kind,
        displayName: propText(entry, clark(ns.dav, 'displayname')) ?? null,
        components,
        marker: markerOf(entry),
      };
    });
}

export interface NewCollection {
  url: string;
  displayName: string;
  /** #RRGGBB, for calendars and task lists. */
  color?: string;
  description?: string;
  /** Source marker stored on the collection (markerProp). */
  marker: string;
}

/** Creates a calendar (VEVENT) or a task list (VTODO) with MKCALENDAR (RFC 4791 §5.3.1). */
export async function createCalendar(
  client: DavClient,
  collection: NewCollection,
  component: 'VEVENT' | 'VTODO',
  signal?: AbortSignal,
): Promise<void> {
  const values = new Map<string, PropValue>([
    [clark(ns.dav, 'displayname'), { text: collection.displayName }],
    [
      clark(ns.caldav, 'supported-calendar-component-set'),
      { xml: `<c:comp name="${component}"/>` },
    ],
  ]);
  if (collection.color !== undefined) {
    // Apple's calendar-color is what Nextcloud, Thunderbird and DAVx⁵ read.
    values.set(clark(ns.apple, 'calendar-color'), { text: collection.color });
  }
  if (collection.description !== undefined) {
    values.set(clark(ns.caldav, 'calendar-description'), { text: collection.description });
  }
  await client.makeCollection('MKCALENDAR', collection.url, values, signal);
  if (collection.color !== undefined) {
    // Xandikos ignores a colour given with MKCALENDAR (404 for it in the answer) but keeps it
    // from a PROPPATCH: set it again, so the calendar looks the same as in Google everywhere.
    await setQuietly(
      client,
      collection.url,
      clark(ns.apple, 'calendar-color'),
      collection.color,
      signal,
    );
  }
  await markCollection(client, collection.url, collection.marker, signal);
}

/** Creates an address book with an extended MKCOL (RFC 6352 §6.3.1, RFC 5689). */
export async function createAddressBook(
  client: DavClient,
  collection: NewCollection,
  signal?: AbortSignal,
): Promise<void> {
  const values = new Map<string, PropValue>([
    [clark(ns.dav, 'resourcetype'), { xml: '<d:collection/><card:addressbook/>' }],
    [clark(ns.dav, 'displayname'), { text: collection.displayName }],
  ]);
  if (collection.description !== undefined) {
    values.set(clark(ns.carddav, 'addressbook-description'), { text: collection.description });
  }
  await client.makeCollection('MKCOL', collection.url, values, signal);
  await markCollection(client, collection.url, collection.marker, signal);
}

/**
 * Leaves the source marker on a collection: in Baluchon's own property, and in DAV:comment for
 * servers that drop unknown properties (Xandikos). Two requests, not one: a PROPPATCH is all or
 * nothing (RFC 4918 §9.2), and a server refusing one of them must still get the other.
 */
export async function markCollection(
  client: DavClient,
  url: string,
  marker: string,
  signal?: AbortSignal,
): Promise<void> {
  // The marker is a safety net for lost journals, not a requirement: a server that refuses the
  // property still gets the collection.
  await setQuietly(client, url, markerProp, marker, signal);
  await setQuietly(client, url, commentProp, `${commentPrefix}${marker}`, signal);
}

/** Sets one property; a refusal is not an error (a lost password still is). */
async function setQuietly(
  client: DavClient,
  url: string,
  name: string,
  text: string,
  signal?: AbortSignal,
): Promise<void> {
  try {
    await client.proppatch(url, new Map([[name, { text }]]), signal);
  } catch (error) {
    if (!(error instanceof DavError) || error.code === 'dav.unauthorized') throw error;
  }
}

const resourceProps = [
  clark(ns.dav, 'getetag'),
  clark(ns.dav, 'getcontentlength'),
  clark(ns.dav, 'resourcetype'),
];

/** Every resource directly inside a collection, as the server really holds it. */
export async function listResources(
  client: DavClient,
  collectionUrl: string,
  signal?: AbortSignal,
): Promise<RemoteResource[]> {
  const { entries } = await client.propfind(
    collectionUrl,
    resourceProps,
    '1',
    signal === undefined ? {} : { signal },
  );
  return entries
    .filter(
      (entry) =>
        !sameUrl(entry.url, collectionUrl) &&
        !resourceTypes(entry).has(clark(ns.dav, 'collection')),
    )
    .map((entry) => {
      const size = propText(entry, clark(ns.dav, 'getcontentlength'));
      return {
        url: entry.url,
        etag: propText(entry, clark(ns.dav, 'getetag')) ?? null,
        size: size === undefined || !/^\d+$/.test(size) ? null : Number(size),
      };
    });
}

/** Two hrefs naming the same resource (servers differ on escaping and trailing slashes). */
export function sameUrl(a: string, b: string): boolean {
  return canonicalUrl(a) === canonicalUrl(b);
}

export function canonicalUrl(url: string): string {
  const parsed = new URL(url);
  const path = parsed.pathname
    .split('/')
    .map((segment) => {
      try {
        return encodeURIComponent(decodeURIComponent(segment));
      } catch {
        return segment;
      }
    })
    .join('/')
    .replace(/\/+$/, '');
  return `${parsed.origin}${path}`;
}
