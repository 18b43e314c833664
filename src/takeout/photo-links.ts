// How the pictures of one folder relate: an edited copy to its original (also when Google cut
// its suffix, cut-edited.ts), a live photo's video to its still. One index per folder, by name
// and by stem, so that each look-up is one, however large the folder.
import { EDITED_SUFFIXES, originalOfEdited } from '../photos/edited-suffixes.ts';
import { cutEditedCandidates } from './cut-edited.ts';
import { isStillName, isVideoName, restoredName, splitName } from './photo-names.ts';
import type { SidecarFacts } from './sidecar-facts.ts';
import type { TakeoutEntry } from './takeout-source.ts';

/** Two seconds apart at most: a live photo's video and its still (their sidecars may differ). */
const LIVE_SECONDS = 2;

/** One file of a picture in the export, as the library reads it. */
export interface Copy {
  readonly entry: TakeoutEntry;
  readonly folder: string;
  readonly inAlbum: boolean;
  name: string;
  taken: number | null;
  sidecar: string | null;
  /** An edited copy whose suffix Google cut: its original, found beside it (cut-edited.ts). */
  original?: Copy;
}

export interface Names {
  readonly byName: Map<string, Copy>;
  readonly byStem: Map<string, Copy[]>;
}

/** How many edited copies of the export carry each whole suffix (its language's, mostly). */
export function suffixesSeen(copies: readonly Copy[]): Map<string, number> {
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
export function indexNames(copies: readonly Copy[]): Map<string, Names> {
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
export function restoreCutEdited(
  copy: Copy,
  namesByFolder: ReadonlyMap<string, Names>,
  sidecars: ReadonlyMap<string, SidecarFacts>,
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
      original.sidecar === null ? null : (sidecars.get(original.sidecar)?.title ?? null);
    copy.name = restoredName(base + suffix + extension, title);
    copy.taken = original.taken;
    copy.sidecar = original.sidecar;
    copy.original = original;
    return;
  }
}

/** The original an edited copy (`IMG-modifié.jpg`) was made from, in the same folder. */
export function originalOf(fileName: string, names: Names): Copy | null {
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
export function stillOf(copy: Copy, fileName: string, names: Names): Copy | null {
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
