// Nextcloud Photos albums, through the client (src/files/nextcloud-albums.ts) against the
// Nextcloud stand-in's albums (tests/standins/nextcloud-photos-albums.ts, where the sources of
// Nextcloud's behaviour are): albums made once, pictures added once, a re-run that only reads,
// names Nextcloud refuses made valid, a server without Photos.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DavClient } from '../../src/dav/dav-client.ts';
import { createHttpClient } from '../../src/dav/http-client.ts';
import type { HttpClient } from '../../src/dav/http-client.ts';
import { BaluchonError } from '../../src/errors/baluchon-error.ts';
import { openNextcloudAlbums } from '../../src/files/nextcloud-albums.ts';
import type { NextcloudAlbums } from '../../src/files/nextcloud-albums.ts';
import { startNextcloudStandIn } from '../standins/nextcloud-chunked-upload.ts';
import type {
  NextcloudStandIn,
  NextcloudStandInOptions,
} from '../standins/nextcloud-chunked-upload.ts';

let standIn: NextcloudStandIn;
let http: HttpClient;
const signal = new AbortController().signal;

/** Pictures placed as the photos move places them: Photos/<year>/<month>/. */
const pictures = [
  'Photos/2019/07/IMG_0001.jpg',
  'Photos/2019/07/IMG_0002.jpg',
  'Photos/2019/07/plage à Noirmoutier #1 (été).jpg',
  'Photos/2019/08/IMG_0101.jpg',
  'Photos/2020/01/IMG_2001.heic',
  'Photos/2020/01/IMG_2001.mov',
];

async function start(options: NextcloudStandInOptions = {}): Promise<void> {
  standIn = await startNextcloudStandIn(options);
  http = createHttpClient({ connections: 4, timeoutMs: 10_000 });
  for (const path of pictures) {
    const file = join(standIn.filesDir, ...path.split('/'));
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, `bytes of ${path}`);
  }
}

function client(): DavClient {
  return new DavClient({
    send: http.send,
    credentials: { username: standIn.user.name, password: standIn.user.password },
    retry: { sleep: () => Promise.resolve(), random: () => 0.5 },
    retryPolicy: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 1 },
    now: () => new Date(),
  });
}

/** The URL of a picture on the files root, encoded as target-href.ts encodes. */
function href(path: string): string {
  return `${standIn.filesRoot}${path.split('/').map(encodeURIComponent).join('/')}`;
}

async function open(): Promise<NextcloudAlbums> {
  const albums = await openNextcloudAlbums(client(), standIn.filesRoot, signal);
  if (albums === null) throw new Error('the stand-in offers albums');
  return albums;
}

/** Albums by name, with the paths of their pictures (as the stand-in holds them). */
function albumsOnServer(): Record<string, string[]> {
  return Object.fromEntries(
    [...standIn.photos.albums()].map(([name, ids]) => [
      name,
      ids.map((id) => standIn.photos.fileIds.pathOf(id) ?? `#${id}`),
    ]),
  );
}

const methods = () => standIn.requests.map((request) => request.method);
const writes = () => methods().filter((method) => method !== 'PROPFIND');

afterEach(async () => {
  await http.close();
  await standIn.close();
});

describe('Nextcloud Photos albums (stand-in)', () => {
  beforeEach(async () => {
    await start();
  });

  it('makes two albums, adds their pictures once, and a re-run only reads', async () => {
    const albums = await open();
    const summer = await albums.ensureAlbum('Été 2019', signal);
    const family = await albums.ensureAlbum('Famille', signal);
    const summerPictures = pictures.slice(0, 4).map(href);
    // Overlapping albums, as Google's are: IMG_0002 is in both.
    const familyPictures = [pictures[1], pictures[4], pictures[5]].map((path) => href(path ?? ''));

    const first = await albums.addToAlbum(summer, summerPictures, signal);
    const second = await albums.addToAlbum(family, familyPictures, signal);

    expect(first).toEqual({ added: summerPictures, alreadyThere: [], failed: [] });
    expect(new Set(second.added)).toEqual(new Set(familyPictures));
    expect(second.failed).toEqual([]);
    // COPYs go side by side: an album's order on the server is the order they ended in.
    expect(albumsOnServer()['Été 2019']?.sort()).toEqual(pictures.slice(0, 4).sort());
    expect(albumsOnServer()['Famille']?.sort()).toEqual(
      [pictures[1], pictures[4], pictures[5]].sort(),
    );
    // One listing of the albums, one per folder (07, 08 and 2020/01), none of the new albums.
    expect(methods().filter((method) => method === 'PROPFIND')).toHaveLength(4);
    expect(writes().sort()).toEqual([...Array<string>(7).fill('COPY'), 'MKCOL', 'MKCOL']);

    standIn.requests.length = 0;
    const again = await open();
    const summerAgain = await again.ensureAlbum('Été 2019', signal);
    const familyAgain = await again.ensureAlbum('Famille', signal);
    const rerun = [
      await again.addToAlbum(summerAgain, summerPictures, signal),
      await again.addToAlbum(familyAgain, familyPictures, signal),
    ];

    expect(rerun.map((result) => result.added)).toEqual([[], []]);
    expect(rerun.map((result) => result.alreadyThere.length)).toEqual([4, 3]);
    expect(writes()).toEqual([]);
    // The albums' root, three folders (each listed once for both albums), the two albums.
    expect(methods()).toEqual(Array<string>(6).fill('PROPFIND'));
  });

  it('says which pictures an album holds, by file id, with PROPFINDs only', async () => {
    const albums = await open();
    const album = await albums.ensureAlbum('Noirmoutier', signal);
    await albums.addToAlbum(album, [href(pictures[2] ?? '')], signal);
    standIn.requests.length = 0;

    const reader = await open();
    const same = await reader.ensureAlbum('Noirmoutier', signal);
    expect(
      await reader.membership(
        same,
        [href(pictures[2] ?? ''), href(pictures[0] ?? ''), href('Photos/2019/07/absent.jpg')],
        signal,
      ),
    ).toEqual({
      present: [href(pictures[2] ?? '')],
      missing: [href(pictures[0] ?? '')],
      unknown: [href('Photos/2019/07/absent.jpg')],
    });
    expect(writes()).toEqual([]);
  });

  it('makes album names Nextcloud refuses valid, and says so', async () => {
    const albums = await open();
    const slash = await albums.ensureAlbum('Vacances 2019/2020 \\ Bretagne\u0007 ', signal);
    const blank = await albums.ensureAlbum('   ', signal);
    const long = await albums.ensureAlbum('é'.repeat(300), signal);
    const colon = await albums.ensureAlbum('Noël : chez Mamie', signal);

    expect(slash).toMatchObject({
      name: 'Vacances 2019_2020 _ Bretagne_',
      requested: 'Vacances 2019/2020 \\ Bretagne\u0007 ',
    });
    expect(blank.name).toBe('_');
    expect(long.name).toBe('é'.repeat(125));
    // Windows' characters are fine in an album, which no computer syncs as a file.
    expect(colon.name).toBe('Noël : chez Mamie');
    expect(
      standIn.requests.filter((request) => request.method === 'MKCOL').map((r) => r.status),
    ).toEqual([201, 201, 201, 201]);
    const added = await albums.addToAlbum(slash, [href(pictures[0] ?? '')], signal);
    expect(added.added).toHaveLength(1);
    expect(Object.keys(albumsOnServer()).sort()).toEqual(
      [slash.name, blank.name, long.name, colon.name].sort(),
    );
  });

  it('finds an album the family already has, and a picture already in it', async () => {
    const owner = client();
    await owner.makeCollection('MKCOL', `${standIn.albumsRoot}Mariage/`, undefined, signal);
    const copy = await owner.request('COPY', href(pictures[0] ?? ''), {
      headers: { destination: `${standIn.albumsRoot}Mariage/IMG_0001.jpg` },
    });
    await copy.response.dump();
    standIn.requests.length = 0;

    const albums = await open();
    const album = await albums.ensureAlbum('Mariage', signal);
    const result = await albums.addToAlbum(album, pictures.slice(0, 2).map(href), signal);

    expect(result).toEqual({
      added: [href(pictures[1] ?? '')],
      alreadyThere: [href(pictures[0] ?? '')],
      failed: [],
    });
    expect(writes()).toEqual(['COPY']);
  });

  it('reads a 409 to a COPY as a picture already there (added meanwhile)', async () => {
    const albums = await open();
    const album = await albums.ensureAlbum('Anniversaire', signal);
    await albums.membership(album, [href(pictures[3] ?? '')], signal);
    // Someone adds it between the listing and the COPY.
    const copy = await client().request('COPY', href(pictures[3] ?? ''), {
      headers: { destination: `${standIn.albumsRoot}Anniversaire/x.jpg` },
    });
    await copy.response.dump();

    const result = await albums.addToAlbum(album, [href(pictures[3] ?? '')], signal);

    expect(result).toEqual({ added: [], alreadyThere: [href(pictures[3] ?? '')], failed: [] });
    expect(standIn.requests.at(-1)).toMatchObject({ method: 'COPY', status: 409 });
    expect(albumsOnServer()['Anniversaire']).toEqual([pictures[3]]);
  });

  it('reports a picture it cannot add, and adds the others', async () => {
    const albums = await open();
    const album = await albums.ensureAlbum('Divers', signal);
    const absent = href('Photos/2019/07/perdue.jpg');
    const folder = href('Photos/2019/08');
    const result = await albums.addToAlbum(
      album,
      [absent, href(pictures[0] ?? ''), folder, href(pictures[4] ?? '')],
      signal,
    );

    expect(result.added).toEqual([href(pictures[0] ?? ''), href(pictures[4] ?? '')]);
    expect(result.failed.map(({ href: where, error }) => [where, error.code])).toEqual([
      [absent, 'files.albums.photo-missing'],
      [folder, 'files.albums.photo-refused'],
    ]);
    const refused = result.failed[1]?.error;
    expect(refused).toBeInstanceOf(BaluchonError);
    expect(refused?.details).toMatchObject({ name: 'Divers', status: 403 });
    expect(albumsOnServer()['Divers']?.sort()).toEqual([pictures[0], pictures[4]].sort());
  });

  it('stops when the run is cancelled, before or in the middle', async () => {
    const albums = await open();
    const album = await albums.ensureAlbum('Annulé', signal);
    const before = new AbortController();
    before.abort(new DOMException('cancelled', 'AbortError'));
    await expect(albums.addToAlbum(album, pictures.map(href), before.signal)).rejects.toMatchObject(
      { name: 'AbortError' },
    );
    expect(writes().filter((method) => method === 'COPY')).toEqual([]);

    // One COPY at a time: cancelled once the first is answered, no other is sent.
    const oneByOne = await openNextcloudAlbums(client(), standIn.filesRoot, signal, {
      concurrency: 1,
    });
    if (oneByOne === null) throw new Error('the stand-in offers albums');
    const again = await oneByOne.ensureAlbum('Annulé', signal);
    const middle = new AbortController();
    standIn.onAnswered = (request) => {
      if (request.method === 'COPY') middle.abort(new DOMException('cancelled', 'AbortError'));
    };
    await expect(
      oneByOne.addToAlbum(again, pictures.map(href), middle.signal),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(writes().filter((method) => method === 'COPY')).toEqual(['COPY']);
    expect(albumsOnServer()['Annulé']).toHaveLength(1);
  });

  it('gives no albums for a files root that is not Nextcloud’s, without asking', async () => {
    const before = standIn.requests.length;
    expect(
      await openNextcloudAlbums(client(), `${standIn.url}remote.php/webdav/`, signal),
    ).toBeNull();
    expect(standIn.requests.length).toBe(before);
  });
});

describe('a Nextcloud without the Photos app (stand-in)', () => {
  it.each(['missing', 501] as const)(
    'photos %s: no albums, and nothing written',
    async (photos) => {
      await start({ photos });
      expect(await openNextcloudAlbums(client(), standIn.filesRoot, signal)).toBeNull();
      expect(standIn.requests.map((request) => [request.method, request.status])).toEqual([
        ['PROPFIND', photos === 'missing' ? 404 : 501],
      ]);
    },
  );

  it('a wrong password is not taken for a server without albums', async () => {
    await start();
    const wrong = new DavClient({
      send: http.send,
      credentials: { username: standIn.user.name, password: 'not it' },
      retry: { sleep: () => Promise.resolve(), random: () => 0.5 },
      now: () => new Date(),
    });
    await expect(openNextcloudAlbums(wrong, standIn.filesRoot, signal)).rejects.toMatchObject({
      code: 'dav.unauthorized',
    });
  });
});
