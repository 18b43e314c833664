// Google Photos in a Takeout, read into what moves: each picture or video ONCE, with its full
// name, its taken date, the albums that hold it, its edited copy and its live video. Built after
// the walk, from the merged tree (a picture and its sidecar are often in different parts) and
// the few facts the walk kept of each sidecar (sidecar-facts.ts): nothing here depends on the
// order the parts came in, and nothing of a picture's bytes is read.
//
// Once: a picture in an album folder is also in its year folder (TAKEOUT-NOTES §5). Copies with
// the same restored name, the same size and the same taken date are one picture; it moves from
// its year folder's copy (its key), or from an album folder when no year folder holds it (a
// shared album). What each folder is: photos-folders.ts.
import type { ProblemFact } from '../contract/problem.ts';
import type { PhotosSummary } from '../contract/scan.ts';
import { pairSidecars } from '../photos/pair-sidecars.ts';
import type { SourceAlbum, SourcePhoto } from '../sources/source.ts';
import { indexNames, originalOf, restoreCutEdited, stillOf, suffixesSeen } from './photo-links.ts';
import type { Copy, Names } from './photo-links.ts';
import { missingPictures, readAlbums } from './photos-albums.ts';
import { isVideoName, restoredName } from './photo-names.ts';
import { folderName, folderOf, isTrashName } from './photos-folders.ts';
import type { PhotosFacts, SidecarFacts } from './sidecar-facts.ts';
import type { TakeoutEntry } from './takeout-source.ts';

// Declared with what the walk keeps (sidecar-facts.ts); the library's callers find it here too.
export type { PhotosFacts };

export interface PhotosLibrary {
  /** The top-level folder recognised as Google Photos. */
  readonly folder: string;
  readonly photos: readonly SourcePhoto[];
  /** The export entry of each photo's key (what `feed` opens). */
  readonly entries: ReadonlyMap<string, TakeoutEntry>;
  readonly albums: readonly SourceAlbum[];
  readonly summary: PhotosSummary;
  /** Pictures found in Google Photos' bin: not moved. */
  readonly trashed: number;
  /**
   * Sidecars whose picture the export lacks (often one of its parts was not given): each named,
   * a problem only when the photos move.
   */
  readonly problems: readonly ProblemFact[];
}

/**
 * The library of the Photos folder `folder`: `entries` are the merged tree's entries below it
 * (any order), `facts` what the walk kept of its JSON files.
 */
export function readPhotosLibrary(
  folder: string,
  entries: readonly TakeoutEntry[],
  facts: PhotosFacts,
): PhotosLibrary {
  const byPath = new Map(entries.map((entry) => [entry.path, entry]));
  const pairing = pairSidecars(
    [...byPath.keys()],
    (sidecar) => facts.sidecars.get(sidecar)?.title ?? undefined,
  );
  const albumFolders = new Set(pairing.albumFiles.keys());

  // The bin: by its name, or because every sidecar it holds says the picture was thrown away.
  const sidecarsByFolder = new Map<string, SidecarFacts[]>();
  for (const [path, sidecar] of facts.sidecars) {
    const list = sidecarsByFolder.get(folderOf(path)) ?? [];
    list.push(sidecar);
    sidecarsByFolder.set(folderOf(path), list);
  }
  const trashFolders = new Map<string, boolean>();
  const isTrash = (dir: string): boolean => {
    let trash = trashFolders.get(dir);
    if (trash === undefined) {
      const sidecars = sidecarsByFolder.get(dir) ?? [];
      trash =
        !albumFolders.has(dir) &&
        dir !== `${folder}/` &&
        (isTrashName(folderName(dir)) ||
          (sidecars.length > 0 && sidecars.every((sidecar) => sidecar.trashed)));
      trashFolders.set(dir, trash);
    }
    return trash;
  };

  const copies: Copy[] = [];
  let trashed = 0;
  for (const pair of pairing.pairs) {
    const entry = byPath.get(pair.media);
    if (entry === undefined) continue;
    const dir = folderOf(pair.media);
    if (isTrash(dir)) {
      trashed++;
      continue;
    }
    const sidecar = pair.sidecar === null ? undefined : facts.sidecars.get(pair.sidecar);
    const fileName = pair.media.slice(dir.length);
    copies.push({
      entry,
      folder: dir,
      inAlbum: albumFolders.has(dir),
      name: restoredName(fileName, sidecar?.title ?? null),
      taken: sidecar === undefined ? null : (sidecar.taken ?? sidecar.created),
      sidecar: pair.sidecar,
    });
  }

  const namesByFolder = indexNames(copies);
  const seen = suffixesSeen(copies);
  for (const copy of copies) {
    if (copy.sidecar === null) restoreCutEdited(copy, namesByFolder, facts.sidecars, seen);
  }

  // One picture per name, size and date; its key the year folder's copy (the first by path, so
  // that the key does not depend on the order the parts were read in).
  const pictures = new Map<string, Copy[]>();
  for (const copy of copies) {
    const identity = `${copy.name}\u0000${copy.entry.size}\u0000${copy.taken ?? ''}`;
    const list = pictures.get(identity) ?? [];
    list.push(copy);
    pictures.set(identity, list);
  }
  const keyOf = new Map<string, string>();
  const chosen: Copy[] = [];
  for (const list of pictures.values()) {
    const best = list.reduce((a, b) =>
      a.inAlbum !== b.inAlbum ? (a.inAlbum ? b : a) : a.entry.path <= b.entry.path ? a : b,
    );
    chosen.push(best);
    for (const copy of list) keyOf.set(copy.entry.path, best.entry.path);
  }
  chosen.sort((a, b) => (a.entry.path < b.entry.path ? -1 : 1));

  // Edited copies and live videos, found beside their original in the same folder.
  const noNames: Names = { byName: new Map(), byStem: new Map() };
  const photos: SourcePhoto[] = [];
  const entriesByKey = new Map<string, TakeoutEntry>();
  for (const copy of chosen) {
    const names = namesByFolder.get(copy.folder) ?? noNames;
    const fileName = copy.entry.path.slice(copy.folder.length);
    const original = copy.original ?? originalOf(fileName, names);
    const still = original === null ? stillOf(copy, fileName, names) : null;
    photos.push({
      key: copy.entry.path,
      name: copy.name,
      size: copy.entry.size,
      taken: copy.taken === null ? null : new Date(copy.taken * 1000),
      editedOf: original === null ? null : (keyOf.get(original.entry.path) ?? null),
      liveOf: still === null ? null : (keyOf.get(still.entry.path) ?? null),
    });
    entriesByKey.set(copy.entry.path, copy.entry);
  }

  const albums = readAlbums(pairing.albumFiles, copies, keyOf, facts, pairing.orphans, chosen);
  const problems = missingPictures(pairing.orphans, facts, copies, namesByFolder, isTrash);
  return {
    folder,
    photos,
    entries: entriesByKey,
    albums,
    summary: summarise(folder, photos, copies.length, albums),
    trashed,
    problems,
  };
}
function summarise(
  folder: string,
  photos: readonly SourcePhoto[],
  copies: number,
  albums: readonly SourceAlbum[],
): PhotosSummary {
  let bytes = 0;
  let videos = 0;
  let edited = 0;
  let editedBytes = 0;
  let livePhotos = 0;
  let undated = 0;
  for (const photo of photos) {
    bytes += photo.size;
    if (isVideoName(photo.key)) videos++;
    if (photo.editedOf !== null) {
      edited++;
      editedBytes += photo.size;
    }
    if (photo.liveOf !== null) livePhotos++;
    if (photo.taken === null) undated++;
  }
  return {
    folder,
    count: photos.length,
    bytes,
    videos,
    edited,
    editedBytes,
    livePhotos,
    undated,
    duplicates: copies - photos.length,
    albums: albums.map((album) => ({ name: album.name, count: album.photos.length })),
  };
}
