// Google Photos → one new folder of the files account ("Photos"), through the same engine as
// Drive's files: each picture once at `<year>/<month>/<full name>` dated from the day it was taken
// (X-OC-Mtime where the server keeps it), edited copies and live photos' videos beside their
// original, then the albums — Nextcloud's own albums (its Photos app) where the server offers
// them, else a folder per album holding the list of its pictures. Google's bytes are sent as they
// are (no EXIF rewriting) and read back by size, and by hash where the server computes one.
import { Readable } from 'node:stream';
import type { PhotoFacts } from '../contract/migrate.ts';
import type { Collection } from '../journal/types.ts';
import { asFolderUrl, encodeRelative, resolveInside } from '../files/target-href.ts';
import { planPhotoTree } from '../photos/photo-tree.ts';
import type { PhotoTree } from '../photos/photo-tree.ts';
import type { SourceFiles, SourcePhotos } from '../sources/source.ts';
import { contentTree } from './content-tree.ts';
import { planFileJob } from './plan-file-job.ts';
import type { FileJobPlan, FilesAccountContext } from './plan-file-job.ts';

/** A server's own albums (Nextcloud's Photos app): what the planner needs of them. */
export interface ServerAlbums {
  /** Puts the pictures (their hrefs on the files account) in the album, made if needed. */
  addToAlbum(
    album: string,
    hrefs: readonly string[],
    signal: AbortSignal,
  ): Promise<{ failed: readonly { href: string; code: string }[] }>;
}

export interface PhotoJobPlan {
  readonly job: FileJobPlan['job'];
  readonly bytes: number;
  facts(): PhotoFacts;
}

/** What the family chose for their photos, and what the planner needs to place them. */
export interface PhotoChoice {
  readonly photos: SourcePhotos;
  readonly editedPhotos: boolean;
  /** The folder the family named, else "Photos" in their language. */
  readonly folderName: string | undefined;
  readonly timeZone: string;
  /** The server's own albums, or null (null also when it offers none): albums become lists. */
  readonly openAlbums: ((signal: AbortSignal) => Promise<ServerAlbums | null>) | null;
}

export async function planPhotoJob(
  account: FilesAccountContext,
  args: PhotoChoice,
): Promise<PhotoJobPlan> {
  const { t } = account;
  const folderName = args.folderName ?? t('photos:folder.default');
  // Nextcloud's Photos app keeps albums itself; elsewhere the albums become lists.
  const serverAlbums =
    args.openAlbums !== null && args.photos.albums.length > 0
      ? await args.openAlbums(account.signal)
      : null;
  const tree = planPhotoTree(args.photos, {
    editedPhotos: args.editedPhotos,
    timeZone: args.timeZone,
    undatedFolder: t('photos:folder.undated'),
    albumLists:
      serverAlbums === null
        ? {
            folder: t('photos:folder.albums'),
            fileName: t('photos:folder.albumList'),
            heading: (name) => t('photos:albumList.heading', { name }),
            count: (count) => t('photos:albumList.count', { count, folder: folderName }),
          }
        : null,
  });
  // Each picture without a date is named: it went to the folder of undated pictures.
  for (const one of tree.placed) {
    if (one.mtime === null) account.onProblem({ code: 'photos.undated', where: one.path });
  }
  const albumsKept = tree.albums.filter((album) => album.paths.length > 0);
  let albumsAs: PhotoFacts['albumsAs'] = albumsKept.length === 0 ? null : 'lists';
  const plan = await planFileJob({
    ...account,
    kind: 'photos',
    files: { ...photoFiles(args.photos, tree), folderName },
    ...(serverAlbums === null || albumsKept.length === 0
      ? {}
      : {
          afterSync: async (collection: Collection, signal: AbortSignal) => {
            albumsAs = 'photos-app';
            for (const { album, paths } of albumsKept) {
              const hrefs = paths.map((path) => hrefIn(collection, path));
              const result = await serverAlbums.addToAlbum(album.name, hrefs, signal);
              for (const failure of result.failed) {
                account.onProblem({
                  code: 'photos.album-not-kept',
                  where: `${album.name} — ${decodeURIComponent(failure.href.split('/').at(-1) ?? '')}`,
                  params: { album: album.name },
                });
              }
            }
          },
        }),
  });
  const dated = tree.placed.filter((one) => one.mtime !== null).length;
  return {
    job: plan.job,
    bytes: plan.bytes,
    facts: () => ({
      albums: albumsKept.length,
      albumsAs,
      dated,
      undated: tree.placed.length - dated,
      folder: folderName,
    }),
  };
}

/** Where a planned path landed inside the photos folder (the files engine's own rule). */
function hrefIn(collection: Collection, path: string): string {
  return resolveInside(asFolderUrl(collection.href), encodeRelative(path.split('/')));
}

/**
 * The library as the files engine's tree: each placed picture (journal key: its key in the
 * export, stable whatever its folder) and each album list (made in memory).
 */
function photoFiles(photos: SourcePhotos, tree: PhotoTree): Omit<SourceFiles, 'folderName'> {
  return contentTree({
    key: photos.key,
    source: photos,
    fromSource: tree.placed.map((one) => ({
      path: one.path,
      key: one.photo.key,
      size: one.photo.size,
      mtime: one.mtime,
    })),
    inMemory: tree.lists.map((list) => ({
      path: list.path,
      key: `album:${list.album.name}`,
      size: list.content.length,
      mtime: list.mtime,
      open: () => Promise.resolve(Readable.from([list.content])),
    })),
  });
}
