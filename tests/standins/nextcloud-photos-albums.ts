// The albums of Nextcloud's Photos app, for the Nextcloud stand-in (nextcloud-chunked-upload.ts
// plugs it in). What it implements is read from the Photos app itself, since neither Nextcloud nor
// its manual can be run or read here:
//
// Sources
// - nextcloud/photos PR #1146 "Album dav api" (merged 2022-08, first shipped in Photos 2.0.0 with
//   Nextcloud 25: appinfo/info.xml of tag v25.0.0 says `nextcloud min-version="25"`; tag v24.0.0
//   has no lib/Sabre/Album/): albums are made with MKCOL, pictures added with COPY, listed with
//   PROPFIND; "file names in albums are prefixed by fileid to avoid collisions", and the name
//   given in the COPY's Destination is ignored.
// - nextcloud/photos lib/Sabre/RootCollection.php, PhotosHome.php (the tree
//   /remote.php/dav/photos/<user>/{albums,sharedalbums,places}/; another user's home is 403),
//   Album/AlbumsHome.php (MKCOL → AlbumMapper::create, no check of the name at all; a child is
//   found by its name), Album/AlbumRootBase.php (a child is named `<fileid>-<name>`;
//   copyIntoAlbum: a source that is not a file is 403 "The source is not a file", a file of
//   another user is 403 "Can't add file to album, only files from <uid> can be added"; MKCOL
//   inside an album is 403), Album/AlbumRoot.php (adding a file already there throws Sabre's
//   Conflict: 409 "File <id> is already in the folder"), PropFindPlugin.php (an album answers
//   nc:nbItems, nc:original-name, nc:last-photo (the file id added last, -1 when none),
//   nc:location, nc:dateRange (JSON {start, end} of its pictures' mtimes), nc:collaborators,
//   nc:filters; a picture answers oc:fileid, nc:file-name, getetag, nc:has-preview, oc:favorite).
// - nextcloud/photos src/store/collections.ts, addFilesToCollection: the Photos page itself
//   COPYs `/files/<user>/<path>` to `<album>/<basename>` and reads a 409 as "Already in the
//   collection". tests/playwright/support/utils/dav.ts (createAlbum, addPhotoToAlbum) does the
//   same from its tests.
// - lib/Migration/Version20000Date20220727125801.php: an album's name is a 255-character column.
// - sabre/dav: MKCOL where something exists is 405; a COPY whose destination folder does not
//   exist is 409 (CorePlugin::getCopyAndMoveInfo, "The destination node is not found"); a COPY
//   that creates is 201. oc:fileid is `{http://owncloud.org/ns}fileid` (apps/dav FilesPlugin
//   INTERNAL_FILEID_PROPERTYNAME), documented in the developer manual's "Basic APIs".
// - Without the Photos app, nothing registers the `photos` collection: Nextcloud's DAV root is a
//   Sabre SimpleCollection, whose getChild throws NotFound — 404 for everything below it.
//
// What the stand-in does not do: shared albums (sharedalbums/ is an empty collection), places,
// filters, collaborators, renaming (MOVE), PROPPATCH, downloading a picture through its album.
// What it refuses that Nextcloud's DAV would take: names the Photos page refuses (empty, `.`,
// `..`, `/`, `\`, control characters: 400) and names over 255 characters (500, the column), so
// that a client sending them is noticed.
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { escapeXml, okResponse } from './xml-text.ts';

type Answer = (status: number, headers?: Record<string, string>, body?: string) => 'answered';

/** Nextcloud's file ids: one per path, kept when the file is overwritten, dropped on DELETE. */
export class FileIds {
  readonly #byPath = new Map<string, number>();
  #next = 1001;

  /** The id of a path below the files root (assigned the first time it is seen). */
  idOf(relative: string): number {
    const key = normalise(relative);
    let id = this.#byPath.get(key);
    if (id === undefined) {
      id = this.#next++;
      this.#byPath.set(key, id);
    }
    return id;
  }

  pathOf(id: number): string | undefined {
    for (const [path, known] of this.#byPath) if (known === id) return path;
    return undefined;
  }

  /** A path and everything below it are gone. */
  forget(relative: string): void {
    const key = normalise(relative);
    for (const path of [...this.#byPath.keys()]) {
      if (path === key || path.startsWith(`${key}/`)) this.#byPath.delete(path);
    }
  }
}

function normalise(relative: string): string {
  return relative
    .split('/')
    .filter((segment) => segment !== '')
    .join('/');
}

interface Album {
  readonly name: string;
  /** File ids in the order they were added. */
  readonly files: number[];
}

export interface PhotosAlbumsStandIn {
  /** Each album's file ids, in the order they were added (tests read it to check). */
  albums(): ReadonlyMap<string, readonly number[]>;
  readonly fileIds: FileIds;
}

export interface PhotosAlbumsDeps {
  readonly user: string;
  readonly filesDir: string;
  readonly filesPrefix: string;
  readonly fileIds: FileIds;
}

const longestName = 255;

/** Names the Photos page refuses (validateFilename) or a URL segment cannot carry. */
function refusedName(name: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /^\s*$/.test(name) || name === '.' || name === '..' || /[/\\\u0000-\u001f]/.test(name);
}

export function createPhotosAlbums(deps: PhotosAlbumsDeps): PhotosAlbumsStandIn & {
  request(
    request: IncomingMessage,
    path: string,
    rawPath: string,
    answer: Answer,
  ): Promise<'answered'>;
  copyInto(
    request: IncomingMessage,
    sourceRelative: string,
    destinationPath: string,
    answer: Answer,
  ): Promise<'answered'>;
  readonly prefix: string;
} {
  const prefix = `/remote.php/dav/photos/${deps.user}/`;
  const albumsPrefix = `${prefix}albums/`;
  const albums = new Map<string, Album>();

  /** The picture still there, or null (an album leaves out a file its owner cannot reach). */
  const pictureOf = async (id: number) => {
    const path = deps.fileIds.pathOf(id);
    if (path === undefined) return null;
    const info = await stat(join(deps.filesDir, ...path.split('/'))).catch(() => null);
    if (info === null || !info.isFile()) return null;
    return { id, path, name: path.split('/').pop() ?? '', info };
  };

  const picturesOf = async (album: Album) =>
    (await Promise.all(album.files.map(pictureOf))).filter((picture) => picture !== null);

  const albumEntry = async (album: Album): Promise<string> => {
    const pictures = await picturesOf(album);
    const times = pictures.map((picture) => Math.floor(picture.info.mtimeMs / 1000));
    const range =
      times.length === 0
        ? { start: null, end: null }
        : { start: Math.min(...times), end: Math.max(...times) };
    const props = [
      '<d:resourcetype><d:collection/></d:resourcetype>',
      `<nc:nbItems>${pictures.length}</nc:nbItems>`,
      `<nc:original-name>${escapeXml(album.name)}</nc:original-name>`,
      `<nc:last-photo>${album.files.at(-1) ?? -1}</nc:last-photo>`,
      '<nc:location></nc:location>',
      `<nc:dateRange>${escapeXml(JSON.stringify(range))}</nc:dateRange>`,
      '<nc:collaborators/>',
    ];
    return okResponse(`${albumsPrefix}${encodeURIComponent(album.name)}/`, props);
  };

  const pictureEntry = (
    album: Album,
    picture: NonNullable<Awaited<ReturnType<typeof pictureOf>>>,
  ): string => {
    const etag = createHash('md5')
      .update(`${picture.id}-${picture.info.size}-${picture.info.mtimeMs}`)
      .digest('hex');
    return okResponse(
      `${albumsPrefix}${encodeURIComponent(album.name)}/${encodeURIComponent(`${picture.id}-${picture.name}`)}`,
      [
        '<d:resourcetype/>',
        `<d:getcontentlength>${picture.info.size}</d:getcontentlength>`,
        `<d:getlastmodified>${picture.info.mtime.toUTCString()}</d:getlastmodified>`,
        `<d:getetag>"${etag}"</d:getetag>`,
        `<oc:fileid>${picture.id}</oc:fileid>`,
        `<nc:file-name>${escapeXml(picture.name)}</nc:file-name>`,
      ],
    );
  };

  const collection = (href: string): string =>
    okResponse(href, ['<d:resourcetype><d:collection/></d:resourcetype>']);

  const multistatus = (answer: Answer, responses: string[]): 'answered' =>
    answer(
      207,
      { 'content-type': 'application/xml; charset=utf-8' },
      `<?xml version="1.0" encoding="utf-8"?><d:multistatus xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns" xmlns:nc="http://nextcloud.org/ns">${responses.join('')}</d:multistatus>`,
    );

  async function request(
    request: IncomingMessage,
    path: string,
    rawPath: string,
    answer: Answer,
  ): Promise<'answered'> {
    request.resume();
    const method = request.method ?? '';
    // RootCollection::getChildForPrincipal: only one's own photos.
    if (!`${path}/`.startsWith(prefix))
      return answer(path.startsWith('/remote.php/dav/photos/') ? 403 : 404);
    const rest = path.slice(prefix.length).split('/');
    while (rest.at(-1) === '') rest.pop();
    // Segments as sent: `%2F` inside a name is refused as Apache does (AllowEncodedSlashes Off).
    const rawRest = rawPath
      .slice(rawPath.indexOf('/photos/') + '/photos/'.length)
      .split('/')
      .slice(1);
    if (rawRest.some((segment) => /%2f/i.test(segment))) return answer(404);
    const [area, albumName, child, ...beyond] = rest;
    const depth = request.headers.depth ?? 'infinity';

    if (area === undefined) {
      if (method !== 'PROPFIND') return answer(405);
      if (depth !== '0' && depth !== '1') return answer(403);
      const responses = [collection(prefix)];
      if (depth === '1') {
        for (const name of ['albums', 'sharedalbums', 'places'])
          responses.push(collection(`${prefix}${name}/`));
      }
      return multistatus(answer, responses);
    }
    if (area === 'sharedalbums' || area === 'places') {
      if (albumName !== undefined) return answer(404);
      if (method === 'MKCOL') return answer(403);
      if (method !== 'PROPFIND') return answer(405);
      return multistatus(answer, [collection(`${prefix}${area}/`)]);
    }
    if (area !== 'albums' || beyond.length > 0) return answer(404);

    if (albumName === undefined) {
      if (method === 'MKCOL') return answer(405);
      if (method !== 'PROPFIND') return answer(method === 'DELETE' ? 403 : 405);
      if (depth !== '0' && depth !== '1') return answer(403);
      const responses = [collection(albumsPrefix)];
      if (depth === '1')
        for (const album of albums.values()) responses.push(await albumEntry(album));
      return multistatus(answer, responses);
    }

    const album = albums.get(albumName);
    if (child === undefined) {
      switch (method) {
        case 'MKCOL': {
          if (album !== undefined) return answer(405);
          if (refusedName(albumName)) return answer(400, {}, 'Invalid album name');
          if (codePoints(albumName) > longestName) return answer(500, {}, 'Album name too long');
          albums.set(albumName, { name: albumName, files: [] });
          return answer(201);
        }
        case 'PROPFIND': {
          if (album === undefined) return answer(404);
          if (depth !== '0' && depth !== '1') return answer(403);
          const responses = [await albumEntry(album)];
          if (depth === '1') {
            for (const picture of await picturesOf(album))
              responses.push(pictureEntry(album, picture));
          }
          return multistatus(answer, responses);
        }
        case 'DELETE': {
          if (album === undefined) return answer(404);
          albums.delete(albumName);
          return answer(204);
        }
        default:
          return answer(album === undefined ? 404 : 405);
      }
    }

    if (album === undefined) return answer(method === 'MKCOL' ? 409 : 404);
    const picture = album.files.find(
      (id) => `${id}-${deps.fileIds.pathOf(id)?.split('/').pop() ?? ''}` === child,
    );
    switch (method) {
      case 'MKCOL':
        return answer(403, {}, 'Not allowed to create directories in an album');
      case 'DELETE': {
        if (picture === undefined) return answer(404);
        album.files.splice(album.files.indexOf(picture), 1);
        return answer(204);
      }
      case 'PROPFIND': {
        const found = picture === undefined ? null : await pictureOf(picture);
        if (found === null) return answer(404);
        return multistatus(answer, [pictureEntry(album, found)]);
      }
      default:
        return answer(405);
    }
  }

  /** COPY of a file of the files root into an album (the request went to the file's URL). */
  async function copyInto(
    request: IncomingMessage,
    sourceRelative: string,
    destinationPath: string,
    answer: Answer,
  ): Promise<'answered'> {
    request.resume();
    const source = await stat(
      join(deps.filesDir, ...sourceRelative.split('/').filter(Boolean)),
    ).catch(() => null);
    if (source === null) return answer(404);
    if (!destinationPath.startsWith(albumsPrefix)) return answer(403);
    const [albumName = '', name = '', ...beyond] = destinationPath
      .slice(albumsPrefix.length)
      .split('/');
    if (beyond.length > 0 || name === '') return answer(409);
    const album = albums.get(albumName);
    if (album === undefined) return answer(409, {}, 'The destination node is not found');
    if (!source.isFile()) return answer(403, {}, 'The source is not a file');
    const id = deps.fileIds.idOf(sourceRelative);
    // The destination's own name is ignored; only an existing `<fileid>-<name>` is a target.
    const existing = album.files.find(
      (known) => `${known}-${deps.fileIds.pathOf(known)?.split('/').pop() ?? ''}` === name,
    );
    if (existing !== undefined) {
      if (request.headers.overwrite === 'F') return answer(412);
      album.files.splice(album.files.indexOf(existing), 1);
    } else if (album.files.includes(id)) {
      return answer(409, {}, `File ${id} is already in the folder`);
    }
    album.files.push(id);
    return answer(existing === undefined ? 201 : 204);
  }

  return {
    prefix,
    fileIds: deps.fileIds,
    albums: () => new Map([...albums].map(([name, album]) => [name, [...album.files]])),
    request,
    copyInto,
  };
}

/** Characters as the database column counts them (code points, not UTF-16 units). */
function codePoints(text: string): number {
  return text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '_').length;
}
