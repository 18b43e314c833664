// The whole Drive tree's names, decided at once: each folder's children are made valid
// (name-rules.ts), then unique in that folder for computers that ignore case and Unicode
// normalisation (Windows, macOS), then fitted to a path length Windows can sync. Pure and
// deterministic: the same list of paths, in any order, gives the same names, so a re-run
// addresses the same files.
import type { ProblemFact } from '../contract/problem.ts';
import {
  graphemePrefix,
  limitBytes,
  maxSegmentBytes,
  splitExtension,
  validSegment,
} from './name-rules.ts';

/**
 * Longest path below the import folder, in UTF-16 units (what Windows counts). Windows refuses
 * paths of more than 259 characters unless long paths are switched on, which is not the
 * default. The Nextcloud desktop client syncs into `C:\Users\<name>\Nextcloud\` (about 40
 * characters for a usual name), the import folder adds about 25 (`Google Drive (importé)\`), and
 * the client downloads each file under a longer temporary name first: 180 leaves that room.
 */
export const maxPathUnits = 180;

/** A file name is never shortened below this many characters (plus its extension) to fit. */
const minStemGraphemes = 12;

export interface PlannedName {
  /** The path's segments below the import folder, valid and unique. */
  readonly segments: readonly string[];
  /**
   * What the report says: each renaming (of this file, and of each folder above it the first
   * time a file of that folder is planned, in sorted order) as `files.renamed` with `{ from, to }`
   * (paths below the Drive folder and below the import folder; a folder's end in `/`),
   * and `files.path-too-long` when even a shortened name leaves the path over the limit.
   */
  readonly notes: readonly ProblemFact[];
}

export interface PlanNamesOptions {
  readonly maxPathUnits?: number;
}

interface FolderNode {
  readonly folders: Map<string, FolderNode>;
  /** File name → the original path. */
  readonly files: Map<string, string>;
}

interface Child {
  readonly kind: 'folder' | 'file';
  readonly name: string;
  readonly node?: FolderNode;
  readonly path?: string;
  candidate: string;
  final?: string;
}

/**
 * Plans the target name of every path (`Factures/2024/relevé.pdf`, '/'-separated, as the Drive
 * folder holds them). Returns one entry per distinct input path.
 */
export function planNames(
  paths: Iterable<string>,
  options: PlanNamesOptions = {},
): Map<string, PlannedName> {
  const limit = options.maxPathUnits ?? maxPathUnits;
  const root: FolderNode = { folders: new Map(), files: new Map() };
  for (const path of paths) {
    const segments = path.split('/');
    const fileName = segments.pop();
    if (fileName === undefined || fileName === '') continue;
    let node = root;
    for (const segment of segments) {
      let next = node.folders.get(segment);
      if (next === undefined) {
        next = { folders: new Map(), files: new Map() };
        node.folders.set(segment, next);
      }
      node = next;
    }
    node.files.set(fileName, path);
  }

  const planned = new Map<string, PlannedName>();
  // Folder renamings waiting for the first file below them to carry the note.
  const walk = (
    node: FolderNode,
    originalPrefix: string,
    targetSegments: readonly string[],
    pendingNotes: readonly ProblemFact[],
  ): void => {
    const targetPrefix = targetSegments.join('/');
    const prefixUnits = targetPrefix === '' ? 0 : targetPrefix.length + 1;
    const children: Child[] = [];
    for (const [name, child] of node.folders) {
      children.push({ kind: 'folder', name, node: child, candidate: validSegment(name) });
    }
    for (const [name, path] of node.files) {
      const candidate = fitPath(validSegment(name), prefixUnits, limit);
      children.push({ kind: 'file', name, path, candidate });
    }
    decideUnique(children, prefixUnits, limit);

    let notes = pendingNotes;
    for (const child of sortChildren(children)) {
      const final = child.final ?? child.candidate;
      const from = originalPrefix === '' ? child.name : `${originalPrefix}/${child.name}`;
      const to = [...targetSegments, final].join('/');
      // A folder is named with its trailing `/`, so a folder and a file of the same name read apart.
      const slash = child.kind === 'folder' ? '/' : '';
      const own: ProblemFact[] =
        final === child.name
          ? []
          : [
              {
                code: 'files.renamed',
                where: from + slash,
                params: { from: from + slash, to: to + slash },
              },
            ];
      if (child.kind === 'folder' && child.node !== undefined) {
        // A folder's renaming travels with the first file found below it (every folder of the
        // tree holds files: it was built from their paths).
        walk(child.node, from, [...targetSegments, final], [...notes, ...own]);
        notes = [];
        continue;
      }
      if (child.path === undefined) continue;
      const fileNotes = [...notes, ...own];
      notes = [];
      if (to.length > limit) {
        fileNotes.push({
          code: 'files.path-too-long',
          where: from,
          params: { path: to, length: to.length, limit },
        });
      }
      planned.set(child.path, { segments: [...targetSegments, final], notes: fileNotes });
    }
  };
  walk(root, '', [], []);
  return planned;
}

/** Children in the order names are handed out and notes are written: by original name. */
function sortChildren(children: readonly Child[]): Child[] {
  return [...children].sort(
    (a, b) => compare(a.name, b.name) || (a.kind === b.kind ? 0 : a.kind === 'folder' ? -1 : 1),
  );
}

/**
 * Names in one folder, unique for computers that ignore case and normalisation. In three rounds,
 * each by original name: names that needed no change and clash with nothing keep it; then
 * changed names that clash with nothing; then the rest get ` (2)`, ` (3)`… before the extension.
 * A name that exists in the archive exactly as it is never loses it to a renamed one.
 */
function decideUnique(children: Child[], prefixUnits: number, limit: number): void {
  const taken = new Set<string>();
  const ordered = sortChildren(children);
  const rounds: ((child: Child) => boolean)[] = [
    (child) => child.candidate === child.name,
    (child) => child.candidate !== child.name,
  ];
  const waiting = new Set<Child>();
  for (const round of rounds) {
    for (const child of ordered) {
      if (!round(child)) continue;
      const key = foldKey(child.candidate);
      // Two names that fold alike in the same round: the first one by original name keeps it.
      if (taken.has(key)) {
        waiting.add(child);
        continue;
      }
      taken.add(key);
      child.final = child.candidate;
    }
  }
  for (const child of ordered) {
    if (!waiting.has(child)) continue;
    for (let number = 2; ; number++) {
      const numbered = numberedName(child, number, prefixUnits, limit);
      const key = foldKey(numbered);
      if (taken.has(key)) continue;
      taken.add(key);
      child.final = numbered;
      break;
    }
  }
}

function numberedName(child: Child, number: number, prefixUnits: number, limit: number): string {
  const { stem, extension } = splitExtension(child.candidate);
  const suffix = ` (${number})`;
  const room = maxSegmentBytes - Buffer.byteLength(suffix + extension, 'utf8');
  let shortStem = graphemePrefix(stem, (prefix) => Buffer.byteLength(prefix, 'utf8') <= room);
  if (child.kind === 'file') {
    const units = limit - prefixUnits - suffix.length - extension.length;
    const fitted = graphemePrefix(shortStem, (prefix) => prefix.length <= units);
    if (graphemeCount(fitted) >= minStemGraphemes) shortStem = fitted;
  }
  return validSegment(joinName(shortStem, suffix + extension));
}

/**
 * A file name shortened (stem only) so the whole path fits in `limit`, but never below
 * `minStemGraphemes` characters: past that, the folders are too deep and the path stays long.
 */
function fitPath(name: string, prefixUnits: number, limit: number): string {
  if (prefixUnits + name.length <= limit) return name;
  const { stem, extension } = splitExtension(name);
  const units = limit - prefixUnits - extension.length;
  const fitted = graphemePrefix(stem, (prefix) => prefix.length <= units);
  const kept =
    graphemeCount(fitted) >= minStemGraphemes
      ? fitted
      : graphemePrefix(stem, (prefix) => graphemeCount(prefix) <= minStemGraphemes);
  return validSegment(limitBytes(joinName(kept, extension), maxSegmentBytes));
}

/** A shortened stem and what follows it, never ending the stem in a dot or space, never empty. */
function joinName(stem: string, rest: string): string {
  const trimmed = stem.replace(/[. ]+$/, '');
  return (trimmed === '' ? '_' : trimmed) + rest;
}

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

function graphemeCount(text: string): number {
  return [...segmenter.segment(text)].length;
}

/**
 * Two names a computer may take for the same file: Windows and macOS ignore case, macOS also
 * normalisation. Folding through upper then lower case catches `ß`/`SS` and the Kelvin sign too:
 * a few more renamings than strictly needed, never a clash.
 */
export function foldKey(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
