// The destinations of calendars, task lists and address books: CalDAV and CardDAV collections
// whose items are small text resources (one iCalendar object per UID, one vCard per person).
import {
  createAddressBook,
  createCalendar,
  listResources,
  markCollection,
} from '../dav/collections.ts';
import type { DavClient } from '../dav/dav-client.ts';
import { inspectCollection } from '../dav/inspect-collection.ts';
import { probe } from '../dav/probe.ts';
import type { CollectionSink, ItemSink } from '../sink/item-sink.ts';

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
