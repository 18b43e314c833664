// What is at one URL now: its ETag and size, or null when nothing is there. Asked before
// deciding after a 412 and by the chunked upload to find a file an earlier attempt completed.
import type { DavClient } from './dav-client.ts';
import { DavError } from './dav-error.ts';
import type { RemoteState } from './remote-state.ts';
import { clark, ns, propText } from './xml.ts';

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
