// Reads back what a real server STORES, without Baluchon's own journal: its collections with
// their names, colours and markers, and every resource fetched with GET and parsed.
import ICAL from 'ical.js';
import type { DavClient } from '../../../src/dav/dav-client.ts';
import { listCollections, listResources } from '../../../src/dav/collections.ts';
import type { RemoteCollection } from '../../../src/dav/collections.ts';
import { clark, ns, propText } from '../../../src/dav/xml.ts';

export interface StoredResource {
  readonly url: string;
  readonly etag: string | null;
  readonly text: string;
}

export interface StoredCalendarObject extends StoredResource {
  readonly calendar: ICAL.Component;
  /** VEVENT, VTODO and VJOURNAL components, masters and overrides. */
  readonly components: ICAL.Component[];
  readonly uids: string[];
}

export async function collectionsOf(client: DavClient, home: string): Promise<RemoteCollection[]> {
  return listCollections(client, home);
}

export async function colourOf(client: DavClient, url: string): Promise<string | null> {
  const name = clark(ns.apple, 'calendar-color');
  const { entries } = await client.propfind(url, [name], '0');
  const [entry] = entries;
  return entry === undefined ? null : (propText(entry, name) ?? null);
}

export async function resourcesOf(client: DavClient, url: string): Promise<StoredResource[]> {
  const listed = await listResources(client, url);
  const resources: StoredResource[] = [];
  for (const { url: href, etag } of listed) {
    const { text } = await client.getText(href);
    resources.push({ url: href, etag, text });
  }
  return resources.sort((a, b) => a.url.localeCompare(b.url));
}

export async function calendarObjectsOf(
  client: DavClient,
  url: string,
): Promise<StoredCalendarObject[]> {
  return (await resourcesOf(client, url)).map((resource) => {
    const calendar = new ICAL.Component(ICAL.parse(resource.text) as unknown[]);
    const components = calendar
      .getAllSubcomponents()
      .filter((c) => ['vevent', 'vtodo', 'vjournal'].includes(c.name));
    const uids = [...new Set(components.map((c) => String(c.getFirstPropertyValue('uid'))))];
    return { ...resource, calendar, components, uids };
  });
}

/** Every ORGANIZER and ATTENDEE of the events and tasks themselves (not of their alarms). */
export function participants(object: StoredCalendarObject): ICAL.Property[] {
  return object.components.flatMap((component) => [
    ...component.getAllProperties('organizer'),
    ...component.getAllProperties('attendee'),
  ]);
}

export function summaryOf(component: ICAL.Component): string {
  return String(component.getFirstPropertyValue('summary') ?? '');
}

export interface StoredCard extends StoredResource {
  readonly card: ICAL.Component;
}

export async function cardsOf(client: DavClient, url: string): Promise<StoredCard[]> {
  return (await resourcesOf(client, url)).map((resource) => ({
    ...resource,
    card: new ICAL.Component(ICAL.parse(resource.text) as unknown[]),
  }));
}
