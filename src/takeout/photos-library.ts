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
import { EDITED_SUFFIXES, originalOfEdited } from '../photos/edited-suffixes.ts';
import { pairSidecars } from '../photos/pair-sidecars.ts';
import type { SourceAlbum, SourcePhoto } from '../sources/source.ts';
import { cutEditedCandidates } from './cut-edited.ts';
import { isStillName, isVideoName, restoredName, splitName } from './photo-names.ts';
import { folderName, folderOf, isTrashName } from './photos-folders.ts';
import type { AlbumDescription, SidecarFacts } from './sidecar-facts.ts';
import { takeoutProblem } from './takeout-problems.ts';
import type { TakeoutEntry } from './takeout-source.ts';

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

export interface PhotosFacts {
  /** What the walk kept of each sidecar, by path. */
  readonly sidecars: ReadonlyMap<string, SidecarFacts>;
  /** Album description files read during the walk, by path. */
  readonly albums: ReadonlyMap<string, AlbumDescription>;
}

/** Two seconds apart at most: a live photo's video and its still (their sidecars may differ). */
const LIVE_SECONDS = 2;

interface Copy {
  readonly entry: TakeoutEntry;
  readonly folder: string;
  readonly inAlbum: boolean;
  name: string;
  taken: number | null;
  sidecar: string | null;
  /** An edited copy whose suffix Google cut: its original, found beside it (cut-edited.ts). */
  original?: Copy;
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
    if (copy.sidecar === null) restoreCutEdited(copy, namesByFolder, facts, seen);
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

/**
 * The sidecars no picture of the export answers to: Google wrote the picture's description, the
 * picture is not there. One whose picture is elsewhere by its title and date (an album's sidecar,
 * the picture in the year folder), or beside it under a name pairSidecars could not tie to it
 * (one of the two names a cut of the other), is not missing.
 */
function missingPictures(
  orphans: readonly string[],
  facts: PhotosFacts,
  copies: readonly Copy[],
  namesByFolder: ReadonlyMap<string, Names>,
  isTrash: (dir: string) => boolean,
): ProblemFact[] {
  const named = new Set(copies.map((copy) => `${copy.name}\u0000${copy.taken ?? ''}`));
  const problems: ProblemFact[] = [];
  for (const orphan of orphans) {
    const sidecar = facts.sidecars.get(orphan);
    const dir = folderOf(orphan);
    if (sidecar?.title == null || isTrash(dir)) continue;
    if (named.has(`${sidecar.title}\u0000${sidecar.taken ?? sidecar.created ?? ''}`)) continue;
    const title = splitName(sidecar.title.toLowerCase()).stem;
    const beside = [...(namesByFolder.get(dir)?.byStem.keys() ?? [])].some(
      (stem) => stem !== '' && (title.startsWith(stem) || stem.startsWith(title)),
    );
    if (beside) continue;
    problems.push(takeoutProblem('photo-missing', orphan, { name: sidecar.title }));
  }
  return problems;
}

interface Names {
  readonly byName: Map<string, Copy>;
  readonly byStem: Map<string, Copy[]>;
}

/** How many edited copies of the export carry each whole suffix (its language's, mostly). */
function suffixesSeen(copies: readonly Copy[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (const copy of copies) {
    const stem = splitName(copy.entry.path.slice(copy.folder.length)).stem.normalize('NFC');
    const suffix = EDITED_SUFFIXES.find(
      (one) => stem.length > one.length && stem.toLowerCase().endsWith(one),
    );
    if (suffix !== undefined) seen.set(suffix, (seen.get(suffix) ?? 0) + 1);
  }
  return seen;
}

/** Per folder, its pictures by lower-cased name and stem: one look-up each, however large. */
function indexNames(copies: readonly Copy[]): Map<string, Names> {
  const namesByFolder = new Map<string, Names>();
  for (const copy of copies) {
    let names = namesByFolder.get(copy.folder);
    if (names === undefined) {
      names = { byName: new Map(), byStem: new Map() };
      namesByFolder.set(copy.folder, names);
    }
    const name = copy.entry.path.slice(copy.folder.length).normalize('NFC').toLowerCase();
    names.byName.set(name, copy);
    const stem = splitName(name).stem;
    const list = names.byStem.get(stem) ?? [];
    list.push(copy);
    names.byStem.set(stem, list);
  }
  return namesByFolder;
}

/**
 * A picture without sidecar that is an edited copy whose suffix Google cut (`…-edi.jpg`): its
 * original's date and name, the whole suffix back (the language's, when another edited copy of
 * the export shows which; else the first EDITED_SUFFIXES names).
 */
function restoreCutEdited(
  copy: Copy,
  namesByFolder: ReadonlyMap<string, Names>,
  facts: PhotosFacts,
  seen: ReadonlyMap<string, number>,
): void {
  const names = namesByFolder.get(copy.folder);
  if (names === undefined) return;
  const { stem, extension } = splitName(copy.entry.path.slice(copy.folder.length));
  for (const { base, suffixes } of cutEditedCandidates(stem)) {
    const original = (names.byStem.get(base.toLowerCase()) ?? []).find(
      (other) => other !== copy && other.sidecar !== null && isStillName(other.entry.path),
    );
    if (original === undefined) continue;
    const suffix = [...suffixes].sort((a, b) => (seen.get(b) ?? 0) - (seen.get(a) ?? 0))[0] ?? '';
    const title =
      original.sidecar === null ? null : (facts.sidecars.get(original.sidecar)?.title ?? null);
    copy.name = restoredName(base + suffix + extension, title);
    copy.taken = original.taken;
    copy.sidecar = original.sidecar;
    copy.original = original;
    return;
  }
}

/** The original an edited copy (`IMG-modifié.jpg`) was made from, in the same folder. */
function originalOf(fileName: string, names: Names): Copy | null {
  const { stem, extension } = splitName(fileName.normalize('NFC'));
  const original = originalOfEdited(stem);
  if (original === null) return null;
  const exact = names.byName.get((original + extension).toLowerCase());
  if (exact !== undefined) return exact;
  // The original in another format than its edited copy (a HEIC edited into a JPEG).
  const others = names.byStem.get(original.toLowerCase()) ?? [];
  return others.find((copy) => isStillName(copy.entry.path)) ?? null;
}

/**
 * The still a live photo's video belongs to: a picture of the same name in the same folder,
 * taken at the same moment (the video shares the still's sidecar, or has one of its own with
 * the same date).
 */
function stillOf(copy: Copy, fileName: string, names: Names): Copy | null {
  if (!isVideoName(fileName)) return null;
  const stem = splitName(fileName.normalize('NFC').toLowerCase()).stem;
  for (const other of names.byStem.get(stem) ?? []) {
    if (!isStillName(other.entry.path)) continue;
    const sameMoment =
      other.sidecar === copy.sidecar ||
      (other.taken !== null &&
        copy.taken !== null &&
        Math.abs(other.taken - copy.taken) <= LIVE_SECONDS);
    if (sameMoment) return other;
  }
  return null;
}

function readAlbums(
  albumFiles: ReadonlyMap<string, string>,
  copies: readonly Copy[],
  keyOf: ReadonlyMap<string, string>,
  facts: PhotosFacts,
  orphans: readonly string[],
  chosen: readonly Copy[],
): SourceAlbum[] {
  const byFolder = new Map<string, string[]>();
  for (const copy of copies) {
    if (!copy.inAlbum) continue;
    const key = keyOf.get(copy.entry.path);
    if (key === undefined) continue;
    const list = byFolder.get(copy.folder) ?? [];
    if (!list.includes(key)) list.push(key);
    byFolder.set(copy.folder, list);
  }
  // An album folder may hold a sidecar without its picture, the picture being in its year folder
  // only (GooglePhotosTakeoutHelper_Neo issue 133): the album still holds that picture, found by
  // its title and date when exactly one picture has them.
  const byTitleAndDate = new Map<string, string | null>();
  for (const copy of chosen) {
    const id = `${copy.name}\u0000${copy.taken ?? ''}`;
    byTitleAndDate.set(id, byTitleAndDate.has(id) ? null : copy.entry.path);
  }
  for (const orphan of orphans) {
    const dir = folderOf(orphan);
    if (!albumFiles.has(dir)) continue;
    const sidecar = facts.sidecars.get(orphan);
    if (sidecar?.title === null || sidecar === undefined) continue;
    const key = byTitleAndDate.get(
      `${sidecar.title}\u0000${sidecar.taken ?? sidecar.created ?? ''}`,
    );
    if (key === undefined || key === null) continue;
    const list = byFolder.get(dir) ?? [];
    if (!list.includes(key)) list.push(key);
    byFolder.set(dir, list);
  }
  // Google writes no order for an album; the order its files come in depends on how the export
  // was cut into parts. Its pictures go by date (as Google Photos shows an album by default),
  // undated last, so that every reading of the same export gives the same album.
  const takenOf = new Map(chosen.map((copy) => [copy.entry.path, copy.taken]));
  const byDate = (a: string, b: string): number => {
    const ta = takenOf.get(a) ?? Number.POSITIVE_INFINITY;
    const tb = takenOf.get(b) ?? Number.POSITIVE_INFINITY;
    return ta !== tb ? (ta < tb ? -1 : 1) : a < b ? -1 : a > b ? 1 : 0;
  };
  const albums: SourceAlbum[] = [];
  for (const [dir, descriptionPath] of [...albumFiles].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const description = facts.albums.get(descriptionPath);
    albums.push({
      name: description?.title ?? folderName(dir),
      description: description?.description ?? null,
      photos: [...(byFolder.get(dir) ?? [])].sort(byDate),
    });
  }
  return albums;
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
