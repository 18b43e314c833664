// Albums of Nextcloud's Photos app, over its DAV endpoint (Photos 2.0+, Nextcloud 25+; the
// sources are at the top of tests/standins/nextcloud-photos-albums.ts):
//
//   PROPFIND photos/<user>/albums/          Depth 1: the albums (404 without the Photos app)
//   MKCOL    photos/<user>/albums/<name>    makes one (405: it exists)
//   PROPFIND photos/<user>/albums/<name>/   Depth 1: its pictures, `<fileid>-<name>`, oc:fileid
//   COPY     files/<user>/<path>            Destination: …/albums/<name>/<file name> adds one
//                                           (409: it is there already)
//
// A picture is in an album by its file id, not its path, so the ids of the pictures are read
// from their folders: one Depth-1 PROPFIND per folder asking oc:fileid, kept for the whole run
// (pictures of one month share a folder, and so do albums). A re-run whose pictures are all in
// their albums sends PROPFINDs only. Open this after the pictures are on the server: a folder
// listed earlier is not listed again.
import type { DavClient } from '../dav/dav-client.ts';
import { DavError } from '../dav/dav-error.ts';
import { clark, ns, propText } from '../dav/xml.ts';
import type { MultistatusEntry } from '../dav/xml.ts';
import { BaluchonError, isAbortError } from '../errors/baluchon-error.ts';
import { runPool } from '../util/run-pool.ts';
import { validAlbumName } from './album-name.ts';

/** An album on the server. */
export interface NextcloudAlbum {
  /** Its name on the server (the asked name, made valid: validAlbumName). */
  readonly name: string;
  /** The name asked for; differs from `name` when it had to change. */
  readonly requested: string;
  /** `…/photos/<user>/albums/<name>/`. */
  readonly url: string;
}

/** Where given pictures stand, by their file URL on the files root. */
export interface AlbumMembership {
  /** Already in the album. */
  readonly present: readonly string[];
  /** On the server, not in the album. */
  readonly missing: readonly string[];
  /** Not found on the server where their URL says (no file id to add). */
  readonly unknown: readonly string[];
}

export interface AlbumPictureFailure {
  readonly href: string;
  /** `files.albums.photo-missing` or `files.albums.photo-refused`. */
  readonly error: BaluchonError;
}

export interface AlbumAddition {
  /** Added by this call (COPY answered 201 or 204). */
  readonly added: readonly string[];
  /** There before (seen in the album's listing, or the server answered 409 to the COPY). */
  readonly alreadyThere: readonly string[];
  /** Could not be added; the others went on. */
  readonly failed: readonly AlbumPictureFailure[];
}

export interface NextcloudAlbums {
  /** `…/remote.php/dav/photos/<user>/albums/`. */
  readonly albumsRoot: string;
  /** The album named so (made valid), made with MKCOL unless the server already has it. */
  ensureAlbum(name: string, signal: AbortSignal): Promise<NextcloudAlbum>;
  /** Which pictures are in the album: PROPFINDs only (the album, and each unlisted folder). */
  membership(
    album: NextcloudAlbum,
    hrefs: readonly string[],
    signal: AbortSignal,
  ): Promise<AlbumMembership>;
  /** Puts the pictures not yet in the album there (one COPY each); reports those it cannot. */
  addToAlbum(
    album: NextcloudAlbum,
    hrefs: readonly string[],
    signal: AbortSignal,
  ): Promise<AlbumAddition>;
}

export interface NextcloudAlbumsOptions {
  /** Requests in flight at once (folder listings, COPYs); default 4. */
  readonly concurrency?: number;
}

const fileIdProp = clark(ns.owncloud, 'fileid');
const resourceTypeProp = clark(ns.dav, 'resourcetype');
const itemsProp = clark(ns.nextcloud, 'nbItems');
const fileNameProp = clark(ns.nextcloud, 'file-name');

/** Statuses by which a server says it has no Photos albums for this account. */
const noAlbumsStatuses: ReadonlySet<number> = new Set([403, 404, 405, 501]);

/** Where a Nextcloud account's albums are, from its files root; null elsewhere. */
export function nextcloudAlbumsRoot(filesRoot: string): string | null {
  const match = /^(.*\/remote\.php\/dav\/)files\/([^/]+)\/?$/.exec(filesRoot);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  return `${match[1]}photos/${match[2]}/albums/`;
}

/**
 * The account's albums, or null when the server offers none: not a Nextcloud files root, no
 * Photos app (404), or a proxy or server that refuses the address (403, 405, 501, an answer that
 * is not DAV). One PROPFIND, which also tells which albums exist.
 */
export async function openNextcloudAlbums(
  client: DavClient,
  filesRoot: string,
  signal: AbortSignal,
  options: NextcloudAlbumsOptions = {},
): Promise<NextcloudAlbums | null> {
  const albumsRoot = nextcloudAlbumsRoot(filesRoot);
  if (albumsRoot === null) return null;
  let entries: MultistatusEntry[];
  let answeredAt: string;
  try {
    const answer = await client.propfind(albumsRoot, [resourceTypeProp, itemsProp], '1', {
      signal,
    });
    entries = answer.entries;
    answeredAt = answer.url;
  } catch (error) {
    if (error instanceof DavError && error.status !== undefined) {
      if (noAlbumsStatuses.has(error.status) || error.code === 'dav.not-dav') return null;
    }
    throw error;
  }
  const albums = new Map<string, AlbumState>();
  const rootPath = decodedPath(answeredAt);
  for (const entry of entries) {
    const path = decodedPath(entry.url);
    if (path === rootPath || entry.status !== undefined) continue;
    const name = lastSegment(path);
    albums.set(name, { url: asFolder(entry.url), ids: null });
  }
  return new AlbumsClient(client, albumsRoot, albums, options.concurrency ?? 4);
}

interface AlbumState {
  readonly url: string;
  /** The file ids in the album, once listed (or known empty when made by this run). */
  ids: Set<number> | null;
}

/** A folder's files by name (NFC, decoded), with their ids; null when the folder is not there. */
type FolderIds = ReadonlyMap<string, number> | null;

class AlbumsClient implements NextcloudAlbums {
  readonly albumsRoot: string;
  readonly #client: DavClient;
  readonly #albums: Map<string, AlbumState>;
  readonly #folders = new Map<string, Promise<FolderIds>>();
  readonly #concurrency: number;

  constructor(
    client: DavClient,
    albumsRoot: string,
    albums: Map<string, AlbumState>,
    concurrency: number,
  ) {
    this.#client = client;
    this.albumsRoot = albumsRoot;
    this.#albums = albums;
    this.#concurrency = concurrency;
  }

  async ensureAlbum(requested: string, signal: AbortSignal): Promise<NextcloudAlbum> {
    const name = validAlbumName(requested);
    const known = this.#albums.get(name);
    if (known !== undefined) return { name, requested, url: known.url };
    const url = `${this.albumsRoot}${encodeURIComponent(name)}/`;
    try {
      await this.#client.makeCollection('MKCOL', url, undefined, signal);
      // Made now: nothing in it, no need to list it.
      this.#albums.set(name, { url, ids: new Set() });
    } catch (error) {
      if (error instanceof DavError && error.code === 'dav.not-allowed') {
        // 405: made meanwhile (another run, the family on the Photos page): list it when needed.
        this.#albums.set(name, { url, ids: null });
      } else if (refusedForThisItem(error)) {
        throw new BaluchonError('files.albums.not-made', refusalDetails(error, { name }), {
          cause: error,
        });
      } else {
        throw error;
      }
    }
    return { name, requested, url };
  }

  async membership(
    album: NextcloudAlbum,
    hrefs: readonly string[],
    signal: AbortSignal,
  ): Promise<AlbumMembership> {
    const state = this.#state(album);
    const ids = await this.#fileIds(hrefs, signal);
    const inAlbum = await this.#albumIds(state, signal);
    const present: string[] = [];
    const missing: string[] = [];
    const unknown: string[] = [];
    for (const href of hrefs) {
      const id = ids.get(href);
      if (id === undefined) unknown.push(href);
      else if (inAlbum.has(id)) present.push(href);
      else missing.push(href);
    }
    return { present, missing, unknown };
  }

  async addToAlbum(
    album: NextcloudAlbum,
    hrefs: readonly string[],
    signal: AbortSignal,
  ): Promise<AlbumAddition> {
    const state = this.#state(album);
    const { present, missing, unknown } = await this.membership(album, hrefs, signal);
    const ids = await this.#fileIds(missing, signal);
    const inAlbum = await this.#albumIds(state, signal);
    const added: string[] = [];
    const alreadyThere = [...present];
    const failed: AlbumPictureFailure[] = unknown.map((href) => ({
      href,
      error: new BaluchonError('files.albums.photo-missing', { url: href }),
    }));
    await runPool(
      missing,
      this.#concurrency,
      async (href) => {
        try {
          const answer = await this.#client.request('COPY', href, {
            // The name is ignored by Photos (it names the picture `<fileid>-<name>`), but it is
            // what its own page sends: the file's name.
            headers: { destination: `${state.url}${encodeURIComponent(fileName(href))}` },
            signal,
            // 409: "File <id> is already in the folder" — also what a retry after a lost
            // answer meets. The Photos page reads it so too (src/store/collections.ts).
            accept: [409],
          });
          await answer.response.dump();
          if (answer.status === 409) alreadyThere.push(href);
          else added.push(href);
          const id = ids.get(href);
          if (id !== undefined) inAlbum.add(id);
        } catch (error) {
          if (!refusedForThisItem(error)) throw error;
          const code =
            error instanceof DavError && error.code === 'dav.not-found'
              ? 'files.albums.photo-missing'
              : 'files.albums.photo-refused';
          failed.push({
            href,
            error: new BaluchonError(code, refusalDetails(error, { name: album.name, url: href }), {
              cause: error,
            }),
          });
        }
      },
      signal,
    );
    // In the order asked for, whatever order the COPYs ended in.
    const order = new Map(hrefs.map((href, index) => [href, index]));
    const rank = (href: string): number => order.get(href) ?? 0;
    return {
      added: added.sort((a, b) => rank(a) - rank(b)),
      alreadyThere: alreadyThere.sort((a, b) => rank(a) - rank(b)),
      failed: failed.sort((a, b) => rank(a.href) - rank(b.href)),
    };
  }

  #state(album: NextcloudAlbum): AlbumState {
    const state = this.#albums.get(album.name);
    if (state === undefined) {
      throw new Error(`album ${album.name} was not ensured by this client`);
    }
    return state;
  }

  async #albumIds(state: AlbumState, signal: AbortSignal): Promise<Set<number>> {
    if (state.ids !== null) return state.ids;
    const { entries, url } = await this.#client.propfind(
      state.url,
      [resourceTypeProp, fileIdProp, fileNameProp],
      '1',
      { signal },
    );
    const ids = new Set<number>();
    const albumPath = decodedPath(url);
    for (const entry of entries) {
      if (decodedPath(entry.url) === albumPath || entry.status !== undefined) continue;
      // oc:fileid when answered; else the `<fileid>-` every child's name starts with.
      const id =
        numberOf(propText(entry, fileIdProp)) ??
        numberOf(/^(\d+)-/.exec(lastSegment(decodedPath(entry.url)))?.[1]);
      if (id !== undefined) ids.add(id);
    }
    state.ids = ids;
    return ids;
  }

  /** The file ids of the pictures found on the server (the others are left out). */
  async #fileIds(hrefs: readonly string[], signal: AbortSignal): Promise<Map<string, number>> {
    const byFolder = new Map<string, string>();
    for (const href of hrefs) byFolder.set(folderKey(href), new URL('./', href).href);
    await runPool(
      [...byFolder],
      this.#concurrency,
      async ([key, url]) => {
        await this.#folder(key, url, signal);
      },
      signal,
    );
    const ids = new Map<string, number>();
    for (const href of hrefs) {
      const folder = await this.#folder(folderKey(href), new URL('./', href).href, signal);
      const id = folder?.get(nameKey(href));
      if (id !== undefined) ids.set(href, id);
    }
    return ids;
  }

  #folder(key: string, url: string, signal: AbortSignal): Promise<FolderIds> {
    let listed = this.#folders.get(key);
    if (listed === undefined) {
      listed = this.#listFolder(url, signal);
      this.#folders.set(key, listed);
      // A failure is not kept: the next call lists the folder again.
      listed.catch(() => this.#folders.delete(key));
    }
    return listed;
  }

  async #listFolder(url: string, signal: AbortSignal): Promise<FolderIds> {
    let entries: MultistatusEntry[];
    let answeredAt: string;
    try {
      const answer = await this.#client.propfind(url, [resourceTypeProp, fileIdProp], '1', {
        signal,
      });
      entries = answer.entries;
      answeredAt = answer.url;
    } catch (error) {
      if (error instanceof DavError && error.code === 'dav.not-found') return null;
      throw error;
    }
    const folderPath = decodedPath(answeredAt);
    const ids = new Map<string, number>();
    for (const entry of entries) {
      const path = decodedPath(entry.url);
      if (path === folderPath || entry.status !== undefined) continue;
      const id = numberOf(propText(entry, fileIdProp));
      if (id !== undefined) ids.set(lastSegment(path), id);
    }
    return ids;
  }
}

/**
 * An error about this album or picture alone (a 4xx refusal, a 5xx for it): the others go on.
 * Abort, the password, a full server and a server that stays unreachable stop the run.
 */
function refusedForThisItem(error: unknown): error is DavError {
  if (isAbortError(error) || !(error instanceof DavError)) return false;
  return ![
    'dav.unauthorized',
    'dav.server-full',
    'dav.network',
    'dav.timeout',
    'dav.unavailable',
    'dav.rate-limited',
  ].includes(error.code);
}

function refusalDetails(
  error: DavError,
  base: Record<string, string>,
): Record<string, string | number> {
  const details: Record<string, string | number> = { ...base };
  if (error.status !== undefined) details['status'] = error.status;
  const detail = error.details?.['detail'];
  details['detail'] = typeof detail === 'string' && detail !== '' ? detail : error.code;
  return details;
}

/** A URL's path, each segment decoded and NFC (servers encode names their own way). */
function decodedPath(url: string): string {
  return new URL(url).pathname
    .replace(/\/+$/, '')
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment).normalize('NFC');
      } catch {
        return segment;
      }
    })
    .join('/');
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function folderKey(href: string): string {
  return decodedPath(new URL('./', href).href);
}

function nameKey(href: string): string {
  return lastSegment(decodedPath(href));
}

function fileName(href: string): string {
  return nameKey(href);
}

function asFolder(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

function numberOf(text: string | undefined): number | undefined {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}
