// What a DAV server holds after a move, in a form two moves can be compared by: per UID, the
// summaries of its components (or the card's name), and an Apache user's files with their bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { discover } from '../../../src/dav/discover.ts';
import { filesOnDisk } from '../../files/support/files-on-disk.ts';
import type { DavServer } from '../../harness/index.ts';
import type { ServerUser } from '../../harness/index.ts';
import { testDavClient } from '../../support/dav-client.ts';
import { calendarObjectsOf, cardsOf, collectionsOf, summaryOf } from './read-server.ts';

/** Per kind of collection, every UID with what it holds (summaries, or the card's name). */
export async function holdings(
  server: DavServer,
  user: ServerUser = server.user,
): Promise<Map<string, string[]>> {
  const made = testDavClient(user);
  try {
    const held = new Map<string, string[]>();
    // Where each server keeps them, found as Baluchon finds them (Xandikos: /user/calendars/…).
    const homes = await discover(made.client, server.url);
    const listed = [
      ...(homes.calendarHome === null ? [] : await collectionsOf(made.client, homes.calendarHome)),
      ...(homes.addressbookHome === null
        ? []
        : await collectionsOf(made.client, homes.addressbookHome)),
    ];
    for (const collection of new Map(listed.map((one) => [one.url, one])).values()) {
      if (collection.kind === 'calendar') {
        for (const object of await calendarObjectsOf(made.client, collection.url)) {
          const [uid = ''] = object.uids;
          const kind = object.components[0]?.name ?? '?';
          held.set(`${kind} ${uid}`, object.components.map(summaryOf).sort());
        }
      } else if (collection.kind === 'addressbook') {
        for (const { card } of await cardsOf(made.client, collection.url)) {
          const uid = String(card.getFirstPropertyValue('uid'));
          held.set(`vcard ${uid}`, [String(card.getFirstPropertyValue('fn'))]);
        }
      }
    }
    return held;
  } finally {
    await made.http.close();
  }
}

/** Every file below an Apache user's folder, by its path under `folder`, with its bytes. */
export function filesUnder(server: DavServer, user: string, folder: string): Map<string, string> {
  const root = join(server.dataDir, user, folder);
  return new Map(
    filesOnDisk(root).map((path) => [path, readFileSync(join(root, path)).toString('base64')]),
  );
}
