// Walks a WebDAV file tree folder by folder with PROPFIND Depth 1: Apache mod_dav refuses
// Depth: infinity by default (DavDepthInfinity off), and one folder at a time keeps each answer
// small. Files come out as each folder is read; folders wait in a queue (their URLs only).
import type { DavClient } from './dav-client.ts';
import { hrefKey } from './report.ts';
import { clark, ns, propText, resourceTypes } from './xml.ts';

export interface WalkedFile {
  /** Absolute URL, as the server spelt it. */
  readonly url: string;
  /** Path below the root, decoded, NFC, `/`-separated, no leading slash. */
  readonly path: string;
  readonly size: number;
  readonly mtime: Date | null;
}

const walkProps = [
  clark(ns.dav, 'resourcetype'),
  clark(ns.dav, 'getcontentlength'),
  clark(ns.dav, 'getlastmodified'),
];

export async function* walkFiles(
  client: DavClient,
  root: string,
  signal?: AbortSignal,
): AsyncGenerator<WalkedFile> {
  const rootKey = hrefKey(root);
  const folders: string[] = [root.endsWith('/') ? root : `${root}/`];
  for (let folder = folders.shift(); folder !== undefined; folder = folders.shift()) {
    const { entries } = await client.propfind(
      folder,
      walkProps,
      '1',
      signal === undefined ? {} : { signal },
    );
    const self = hrefKey(folder);
    const files: WalkedFile[] = [];
    for (const entry of entries) {
      const key = hrefKey(entry.url);
      if (key === self || !key.startsWith(`${rootKey}/`)) continue;
      if (resourceTypes(entry).has(clark(ns.dav, 'collection'))) {
        folders.push(entry.url.endsWith('/') ? entry.url : `${entry.url}/`);
        continue;
      }
      const length = Number(propText(entry, clark(ns.dav, 'getcontentlength')) ?? '0');
      const modified = propText(entry, clark(ns.dav, 'getlastmodified'));
      const mtime = modified === undefined ? null : new Date(modified);
      files.push({
        url: entry.url,
        path: key.slice(rootKey.length + 1),
        size: Number.isFinite(length) ? length : 0,
        mtime: mtime === null || Number.isNaN(mtime.getTime()) ? null : mtime,
      });
    }
    // A stable order whatever the server's: the same tree reads the same way twice.
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    yield* files;
    folders.sort();
  }
}
