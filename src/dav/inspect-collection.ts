// What is at a collection's URL: null when nothing; else the source marker Baluchon left on it
// (see collections.ts markerProps) and its display name. Lets a run that finds a calendar,
// address book or folder already there tell its own (resume) from the family's (a new name).
import { markerOf, markerProps } from './collections.ts';
import type { DavClient } from './dav-client.ts';
import { DavError } from './dav-error.ts';
import { clark, ns, propText } from './xml.ts';

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
