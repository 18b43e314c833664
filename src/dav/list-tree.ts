// Every file below a folder, as the server really holds it (etag and size), for the read-back.
// One PROPFIND with Depth: 1 per folder: `Depth: infinity` is refused by Apache (403,
// DavDepthInfinity Off by default) and by Nextcloud's default configuration, and would be one
// huge answer anyway. Folders are read a few at a time.
import { runPool } from '../util/run-pool.ts';
import { sameUrl } from './collections.ts';
import type { DavClient } from './dav-client.ts';
import type { RemoteState } from './remote-state.ts';
import { clark, ns, propText, resourceTypes } from './xml.ts';

const listProps = [
  clark(ns.dav, 'resourcetype'),
  clark(ns.dav, 'getetag'),
  clark(ns.dav, 'getcontentlength'),
];

export async function listTree(
  client: DavClient,
  folderUrl: string,
  signal: AbortSignal,
  concurrency = 4,
): Promise<Map<string, RemoteState>> {
  const files = new Map<string, RemoteState>();
  const seen = new Set<string>();
  const pending: string[] = [folderUrl];
  // A queue that grows while it is read: folders found are listed in turn.
  const folders: AsyncIterable<string> = {
    [Symbol.asyncIterator]: () => ({
      next: async () => {
        while (pending.length === 0 && inFlight > 0) await settled();
        const url = pending.shift();
        if (url === undefined) return { done: true, value: undefined };
        // Counted from the moment it is handed out, so no worker concludes the walk is over.
        inFlight++;
        return { done: false, value: url };
      },
    }),
  };
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  const settled = (): Promise<void> => new Promise((resolve) => waiting.push(resolve));

  await runPool(
    folders,
    concurrency,
    async (url) => {
      try {
        const { entries } = await client.propfind(url, listProps, '1', { signal });
        for (const entry of entries) {
          if (sameUrl(entry.url, url)) continue;
          if (resourceTypes(entry).has(clark(ns.dav, 'collection'))) {
            const key = new URL(entry.url).pathname;
            if (!seen.has(key)) {
              seen.add(key);
              pending.push(entry.url);
            }
            continue;
          }
          const size = propText(entry, clark(ns.dav, 'getcontentlength'));
          files.set(entry.url, {
            etag: propText(entry, clark(ns.dav, 'getetag')) ?? null,
            size: size === undefined || !/^\d+$/.test(size) ? null : Number(size),
          });
        }
      } finally {
        inFlight--;
        for (const resolve of waiting.splice(0)) resolve();
      }
    },
    signal,
  );
  return files;
}
