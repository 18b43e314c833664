// What Google Photos' albums hold once each picture is one (photos-library.ts), and which
// pictures the export lacks: both read from the sidecars pairSidecars left without a picture.
import type { ProblemFact } from '../contract/problem.ts';
import type { SourceAlbum } from '../sources/source.ts';
import type { Copy, Names } from './photo-links.ts';
import { splitName } from './photo-names.ts';
import { folderName, folderOf } from './photos-folders.ts';
import type { PhotosFacts } from './sidecar-facts.ts';
import { takeoutProblem } from './takeout-problems.ts';

/**
 * The albums: each folder holding Google's description file, named by its title (else the
 * folder's name), with the keys of the pictures it holds, each once.
 */
export function readAlbums(
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

/**
 * The sidecars no picture of the export answers to: Google wrote the picture's description, the
 * picture is not there. One whose picture is elsewhere by its title and date (an album's sidecar,
 * the picture in the year folder), or beside it under a name pairSidecars could not tie to it
 * (one of the two names a cut of the other), is not missing.
 */
export function missingPictures(
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
