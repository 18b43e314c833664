// A Nextcloud's own albums (its Photos app, src/files/nextcloud-albums.ts) as the photo planner
// uses them: one call per album, which makes it when needed and adds what is not there yet.
import type { DavClient } from '../dav/dav-client.ts';
import { openNextcloudAlbums } from '../files/nextcloud-albums.ts';
import type { ServerAlbums } from './plan-photo-job.ts';

/** Null when the server offers no albums (not a Nextcloud, or no Photos app). */
export async function nextcloudServerAlbums(
  client: DavClient,
  filesRoot: string,
  signal: AbortSignal,
): Promise<ServerAlbums | null> {
  const albums = await openNextcloudAlbums(client, filesRoot, signal);
  if (albums === null) return null;
  return {
    async addToAlbum(name, hrefs, addSignal) {
      const album = await albums.ensureAlbum(name, addSignal);
      const result = await albums.addToAlbum(album, hrefs, addSignal);
      return {
        failed: result.failed.map((failure) => ({ href: failure.href, code: failure.error.code })),
      };
    },
  };
}
