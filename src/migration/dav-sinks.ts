// The destinations of calendars, task lists and address books: CalDAV and CardDAV collections
// whose items are small text resources (one iCalendar object per UID, one vCard per person).
import {
  createAddressBook,
  createCalendar,
  listResources,
  markCollection,
  markerOf,
  markerProps,
} from '../dav/collections.ts';
import type { DavClient } from '../dav/dav-client.ts';
import { DavError } from '../dav/dav-error.ts';
import { clark, ns, propText } from '../dav/xml.ts';
import type { CollectionSink, ItemSink, RemoteState } from './item-sink.ts';

export function textItemSink(client: DavClient, contentType: string): ItemSink<string> {
  return {
    async send(href, item, options) {
      const answer = await client.put(href, item.payload, {
        contentType,
        ...(options.create ? { ifNoneMatch: '*' as const } : {}),
        ...(options.ifMatch === null ? {} : { ifMatch: options.ifMatch }),
        signal: options.signal,
      });
      // RFC 4791 §5.3.4: a server that changed what it stores may send no ETag; the read-back
      // fills it in.
      return { etag: answer.etag ?? null, size: null };
    },
    probe: (href, signal) => probe(client, href, signal),
    async list(collectionHref, signal) {
      const resources = await listResources(client, collectionHref, signal);
      // Servers rewrite what they store: sizes say nothing about our text, only presence does.
      return new Map(
        resources.map((resource) => [resource.url, { etag: resource.etag, size: null }]),
      );
    },
    hrefFor: (collectionHref, item) => new URL(item.relativeHref, collectionHref).href,
  };
}

export async function probe(
  client: DavClient,
  href: string,
  signal: AbortSignal,
): Promise<RemoteState | null> {
  try {
    const { entries } = await client.propfind(
      href,
      [clark(ns.dav, 'getetag'), clark(ns.dav, 'getcontentlength')],
      '0',
      { signal },
    );
    const entry = entries[0];
    // Xandikos answers a missing resource with a 207 holding a 404.
    if (
      entry === undefined ||
      entry.status === 404 ||
      entry.propstats.every((p) => p.status === 404)
    )
      return null;
    const size = propText(entry, clark(ns.dav, 'getcontentlength'));
    return {
      etag: propText(entry, clark(ns.dav, 'getetag')) ?? null,
      size: size === undefined || !/^\d+$/.test(size) ? null : Number(size),
    };
  } catch (error) {
    if (error instanceof DavError && error.code === 'dav.not-found') return null;
    throw error;
  }
}

export async function inspectCollection(
  client: DavClient,
  href: string,
  signal: AbortSignal,
): Promise<{ marker: string | null; displayName: string | null } | null> {
  try {
    const { entries } = await client.propfind(
      href,
      [clark(ns.dav, 'resourcetype'), clark(ns.dav, 'displayname'), ...markerProps],
      '0',
      { signal },
    );
    const entry = entries[0];
    if (entry === undefined || entry.status === 404) return null;
    return {
      marker: markerOf(entry),
      displayName: propText(entry, clark(ns.dav, 'displayname')) ?? null,
    };
  } catch (error) {
    if (error instanceof DavError && error.code === 'dav.not-found') return null;
    throw error;
  }
}

export function calendarCollectionSink(
  client: DavClient,
  home: string,
  component: 'VEVENT' | 'VTODO',
): CollectionSink {
  return {
    home,
    create: (href, spec, marker, signal) =>
      createCalendar(
        client,
        {
          url: href,
          displayName: spec.displayName,
          marker,
          ...(spec.color === undefined ? {} : { color: spec.color }),
          ...(spec.description === undefined ? {} : { description: spec.description }),
        },
        component,
        signal,
      ),
    inspect: (href, signal) => inspectCollection(client, href, signal),
    mark: (href, marker, signal) => markCollection(client, href, marker, signal),
    isEmpty: async (href, signal) => (await listResources(client, href, signal)).length === 0,
  };
}

export function addressBookCollectionSink(client: DavClient, home: string): CollectionSink {
  return {
    home,
    create: (href, spec, marker, signal) =>
      createAddressBook(
        client,
        {
          url: href,
          displayName: spec.displayName,
          marker,
          ...(spec.description === undefined ? {} : { description: spec.description }),
        },
        signal,
      ),
    inspect: (href, signal) => inspectCollection(client, href, signal),
    mark: (href, marker, signal) => markCollection(client, href, marker, signal),
    isEmpty: async (href, signal) => (await listResources(client, href, signal)).length === 0,
  };
}
