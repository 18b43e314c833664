// What a DAV account holds at its homes (RFC 4791 §6.2.1, RFC 6352 §7.1.1): one PROPFIND Depth 1
// on each home, with what the family will recognise (name, colour, description) and what tells
// events from tasks (supported-calendar-component-set, RFC 4791 §5.2.3). Subscriptions (Apple's
// calendarserver `subscribed`) are feeds, not data: they are not listed, they are not copied.
import type { DavClient } from '../../dav/dav-client.ts';
import { hrefKey } from '../../dav/report.ts';
import { childElements, clark, ns, propText, resourceTypes } from '../../dav/xml.ts';
import type { MultistatusEntry } from '../../dav/xml.ts';

export interface DavCollection {
  readonly url: string;
  readonly kind: 'calendar' | 'addressbook';
  /** The collection's path, decoded: the stable key of what it becomes. */
  readonly path: string;
  readonly displayName: string;
  readonly description: string | null;
  readonly color: string | null;
  /** VEVENT, VTODO… upper case; empty when the server does not say (then: any). */
  readonly components: readonly string[];
  /** The collection offers sync-collection (RFC 6578 §4: it then has a DAV:sync-token). */
  readonly syncToken: boolean;
}

const collectionProps = [
  clark(ns.dav, 'resourcetype'),
  clark(ns.dav, 'displayname'),
  clark(ns.apple, 'calendar-color'),
  clark(ns.caldav, 'calendar-description'),
  clark(ns.carddav, 'addressbook-description'),
  clark(ns.caldav, 'supported-calendar-component-set'),
  clark(ns.calendarServer, 'getctag'),
  clark(ns.dav, 'sync-token'),
];

export async function listDavCollections(
  client: DavClient,
  home: string,
  signal: AbortSignal,
): Promise<DavCollection[]> {
  const { entries } = await client.propfind(home, collectionProps, '1', { signal });
  const self = hrefKey(home);
  const found: DavCollection[] = [];
  for (const entry of entries) {
    if (hrefKey(entry.url) === self) continue;
    const types = resourceTypes(entry);
    if (types.has(clark(ns.calendarServer, 'subscribed'))) continue;
    const kind = types.has(clark(ns.caldav, 'calendar'))
      ? 'calendar'
      : types.has(clark(ns.carddav, 'addressbook'))
        ? 'addressbook'
        : null;
    if (kind === null) continue;
    found.push(describe(entry, kind));
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function describe(entry: MultistatusEntry, kind: DavCollection['kind']): DavCollection {
  const path = hrefKey(entry.url);
  const name = propText(entry, clark(ns.dav, 'displayname'));
  const description = propText(
    entry,
    kind === 'calendar'
      ? clark(ns.caldav, 'calendar-description')
      : clark(ns.carddav, 'addressbook-description'),
  );
  const set = entry.propstats
    .filter((p) => p.status < 300)
    .map((p) => p.props.get(clark(ns.caldav, 'supported-calendar-component-set')))
    .find((element) => element !== undefined);
  const components =
    set === undefined
      ? []
      : childElements(set, ns.caldav, 'comp').map((comp) =>
          (comp.getAttribute('name') ?? '').toUpperCase(),
        );
  const url = entry.url.endsWith('/') ? entry.url : `${entry.url}/`;
  return {
    url,
    kind,
    path,
    displayName: name !== undefined && name !== '' ? name : (path.split('/').pop() ?? path) || path,
    description: description === undefined || description === '' ? null : description,
    color: normaliseColor(propText(entry, clark(ns.apple, 'calendar-color'))),
    components,
    syncToken: (propText(entry, clark(ns.dav, 'sync-token')) ?? '') !== '',
  };
}

/** Apple's calendar-color is `#RRGGBB` or `#RRGGBBAA`: the contract wants `#rrggbb`. */
export function normaliseColor(value: string | undefined): string | null {
  const match = /^#([0-9a-f]{6})([0-9a-f]{2})?$/i.exec(value?.trim() ?? '');
  return match?.[1] === undefined ? null : `#${match[1].toLowerCase()}`;
}
