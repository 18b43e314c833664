// Where each picture of a Google Photos library goes in the family's new space, decided once for
// the whole library: `<year>/<month>/<full name>` by the day it was taken (in the family's time
// zone), a folder of its own for pictures without any date, an edited copy and a live photo's
// video beside their original, and — where the server has no albums of its own — one folder per
// album holding a list of its pictures (links to them, never copies). Names are planned on the
// whole tree at once (src/files/plan-names.ts), so the album lists link the names the pictures
// really get.
import type { SourceAlbum, SourcePhoto, SourcePhotos } from '../sources/source.ts';
import { planNames } from '../files/plan-names.ts';
import { claimPath } from '../files/claim-path.ts';
import { validSegment } from '../files/name-rules.ts';

export interface PhotoTreeOptions {
  /** Keep the copies edited in Google Photos beside their originals. */
  readonly editedPhotos: boolean;
  /** The family's time zone (a picture taken on 31 December at 23:30 belongs to December). */
  readonly timeZone: string;
  /** Folder of the pictures without any date ("Sans date"). */
  readonly undatedFolder: string;
  /** Album lists: null when the server keeps albums itself (Nextcloud's Photos app). */
  readonly albumLists: AlbumListWords | null;
}

export interface AlbumListWords {
  /** The folder holding one folder per album ("Albums"). */
  readonly folder: string;
  /** The list's file name ("Photos de l’album.md"). */
  readonly fileName: string;
  heading(album: string): string;
  count(count: number): string;
}

export interface PlacedPhoto {
  readonly photo: SourcePhoto;
  /** Path below the photos folder, planned (valid, unique): `2019/07/IMG_1234.jpg`. */
  readonly path: string;
  /** The date given to the file (its taken date), null when unknown. */
  readonly mtime: Date | null;
}

export interface AlbumList {
  readonly album: SourceAlbum;
  /** Path below the photos folder: `Albums/Vacances/Photos de l’album.md`. */
  readonly path: string;
  readonly content: Buffer;
  readonly mtime: Date | null;
}

export interface PhotoTree {
  readonly placed: readonly PlacedPhoto[];
  readonly lists: readonly AlbumList[];
  /** Per album, the planned paths of its chosen pictures (for the server's own albums). */
  readonly albums: readonly { readonly album: SourceAlbum; readonly paths: readonly string[] }[];
  /** Edited copies the family chose not to move. */
  readonly leftOut: { readonly count: number; readonly bytes: number };
}

export function planPhotoTree(photos: SourcePhotos, options: PhotoTreeOptions): PhotoTree {
  const byKey = new Map(photos.photos.map((photo) => [photo.key, photo]));
  const chosen = photos.photos.filter((photo) => options.editedPhotos || photo.editedOf === null);
  const leftOut = photos.photos
    .filter((photo) => !options.editedPhotos && photo.editedOf !== null)
    .reduce((sum, photo) => ({ count: sum.count + 1, bytes: sum.bytes + photo.size }), {
      count: 0,
      bytes: 0,
    });
  const month = monthFolder(options.timeZone);
  // An edited copy and a live photo's video follow the picture they belong to.
  const anchorOf = (photo: SourcePhoto): SourcePhoto => {
    const anchor = photo.editedOf ?? photo.liveOf;
    return anchor === null ? photo : (byKey.get(anchor) ?? photo);
  };
  const dateOf = (photo: SourcePhoto): Date | null => photo.taken ?? anchorOf(photo).taken;
  const wanted = new Map<string, { photo: SourcePhoto; mtime: Date | null }>();
  const taken = new Set<string>();
  for (const photo of chosen) {
    const mtime = dateOf(photo);
    const folder = mtime === null ? validSegment(options.undatedFolder) : month(mtime);
    // Two different pictures of one name in one month (Google's `IMG(1).jpg`): both keep it,
    // the second with a number, as a file manager does.
    wanted.set(claimPath(taken, folder, validSegment(photo.name)), { photo, mtime });
  }
  const listPaths = new Map<string, SourceAlbum>();
  if (options.albumLists !== null) {
    const words = options.albumLists;
    for (const album of photos.albums) {
      const path = `${validSegment(words.folder)}/${validSegment(album.name)}/${validSegment(words.fileName)}`;
      listPaths.set(path, album);
    }
  }
  const names = planNames([...wanted.keys(), ...listPaths.keys()]);
  const planned = (path: string): string => names.get(path)?.segments.join('/') ?? path;
  const placed: PlacedPhoto[] = [];
  const pathOfKey = new Map<string, string>();
  for (const [path, { photo, mtime }] of wanted) {
    const final = planned(path);
    placed.push({ photo, path: final, mtime });
    pathOfKey.set(photo.key, final);
  }
  const albums = photos.albums.map((album) => ({
    album,
    paths: album.photos.flatMap((key) => {
      const path = pathOfKey.get(key);
      return path === undefined ? [] : [path];
    }),
  }));
  const lists: AlbumList[] = [];
  if (options.albumLists !== null) {
    const words = options.albumLists;
    for (const [path, album] of listPaths) {
      const final = planned(path);
      const members = albums.find((one) => one.album === album)?.paths ?? [];
      if (members.length === 0) continue;
      const mtimes = album.photos
        .map((key) => (byKey.get(key) === undefined ? null : dateOf(byKey.get(key) as SourcePhoto)))
        .filter((date): date is Date => date !== null);
      lists.push({
        album,
        path: final,
        content: Buffer.from(albumList(album, members, final, words), 'utf8'),
        mtime: mtimes.length === 0 ? null : new Date(Math.max(...mtimes.map((d) => d.getTime()))),
      });
    }
  }
  return { placed, lists, albums, leftOut };
}

/** `2019/07` in the family's time zone. */
function monthFolder(timeZone: string): (date: Date) => string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' });
  return (date) => {
    const parts = format.formatToParts(date);
    const year = parts.find((part) => part.type === 'year')?.value ?? '0000';
    const month = parts.find((part) => part.type === 'month')?.value ?? '00';
    return `${year}/${month}`;
  };
}

/** The album's list, in Markdown: a heading, its description, and a relative link per picture. */
function albumList(
  album: SourceAlbum,
  members: readonly string[],
  listPath: string,
  words: AlbumListWords,
): string {
  const up = '../'.repeat(listPath.split('/').length - 1);
  const lines = [`# ${words.heading(album.name)}`, ''];
  if (album.description !== null && album.description.trim() !== '') {
    lines.push(album.description.trim(), '');
  }
  lines.push(words.count(members.length), '');
  for (const path of members) {
    const name = path.split('/').at(-1) ?? path;
    lines.push(`- [${name}](<${up}${path}>)`);
  }
  return `${lines.join('\n')}\n`;
}
