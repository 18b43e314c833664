// Drive in Takeout: the family's own files, in the folder tree they had in Drive, under one
// top-level product folder (TAKEOUT-NOTES §1.5). Its content gives no fingerprint (it is whatever
// the family stored), so it is recognised by position: the top-level folder whose content is
// user files. Its usual names are a hint; failing one, the folder holding office documents and
// Google's pointer files, and not made of Google's data formats, is taken.
import type { CannotMoveKind } from '../contract/scan.ts';
import type { TakeoutEntry } from './takeout-source.ts';
import { baseName, extensionOf } from './entry-path.ts';

/** Names Drive's folder is known to take: the product keeps its name in most languages. */
const KNOWN_DRIVE_FOLDERS = new Set(
  [
    'Drive',
    'Google Drive',
    'My Drive',
    'Mon Drive',
    'Meine Ablage',
    'Mi unidad',
    'Il mio Drive',
    'Mijn Drive',
  ].map((name) => name.toLowerCase()),
);

export function isKnownDriveFolder(folder: string): boolean {
  return KNOWN_DRIVE_FOLDERS.has(folder.normalize('NFC').toLowerCase());
}

/** Office documents, counted by format: what Google converted Docs, Sheets, Slides to, or ODF. */
const OFFICE_FORMATS = new Set(['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'odg']);

// Declared once, in the contract (the scan's report carries it).
export type { CannotMoveKind };

/**
 * Google-only "files" that are pointers to something living in Google (Drive for desktop writes
 * them as small JSON files with a URL): they hold no content to move. Forms, Sites and My Maps
 * have no export format at all (TAKEOUT-NOTES §1.5, §6.4).
 */
const POINTERS: Record<string, CannotMoveKind> = {
  gform: 'form',
  gsite: 'site',
  gmap: 'map',
  glink: 'shortcut',
  gshortcut: 'shortcut',
  gdoc: 'other',
  gsheet: 'other',
  gslides: 'other',
  gdraw: 'other',
  gtable: 'other',
  gjam: 'other',
  gscript: 'other',
  gnote: 'other',
  gearth: 'other',
};

/** Google's data formats: a folder made of these is a product's data, not the family's files. */
const DATA_FORMATS = new Set(['json', 'html', 'csv', 'mbox', 'tcx', 'kml', 'kmz', 'ics', 'vcf']);

export interface FolderStats {
  readonly folder: string;
  entries: number;
  bytes: number;
  /** Office documents, PDFs and pointer files: what a Drive is made of. */
  driveLike: number;
  dataFormats: number;
}

export function folderStats(folder: string, entries: readonly TakeoutEntry[]): FolderStats {
  const stats: FolderStats = { folder, entries: 0, bytes: 0, driveLike: 0, dataFormats: 0 };
  for (const entry of entries) {
    stats.entries++;
    stats.bytes += entry.size;
    const extension = extensionOf(entry.path);
    if (OFFICE_FORMATS.has(extension) || extension === 'pdf' || extension in POINTERS) {
      stats.driveLike++;
    }
    if (DATA_FORMATS.has(extension)) stats.dataFormats++;
  }
  return stats;
}

/**
 * The Drive folder among `candidates` (top-level folders not already recognised as another
 * product by their content): a known name first, else the most Drive-like folder.
 */
export function findDriveFolder(candidates: readonly FolderStats[]): string | null {
  const known = candidates.find((stats) => stats.folder !== '' && isKnownDriveFolder(stats.folder));
  if (known !== undefined) return known.folder;
  let best: FolderStats | null = null;
  for (const stats of candidates) {
    if (stats.folder === '' || stats.driveLike === 0) continue;
    if (stats.dataFormats * 2 > stats.entries) continue;
    if (best === null || stats.driveLike > best.driveLike) best = stats;
  }
  return best?.folder ?? null;
}

export interface DriveFacts {
  readonly count: number;
  readonly bytes: number;
  readonly documents: { count: number; byFormat: Record<string, number> };
  readonly cannotMove: { where: string; kind: CannotMoveKind }[];
  /** The entries counted above: what moves (the migration plans these, never its own list). */
  readonly movable: TakeoutEntry[];
}

export function summariseDrive(entries: readonly TakeoutEntry[]): DriveFacts {
  const paths = new Set(entries.map((entry) => entry.path));
  let count = 0;
  let bytes = 0;
  let documents = 0;
  const byFormat: Record<string, number> = {};
  const cannotMove: { where: string; kind: CannotMoveKind }[] = [];
  const movable: TakeoutEntry[] = [];
  for (const entry of entries) {
    const extension = extensionOf(entry.path);
    const pointer = POINTERS[extension];
    if (pointer !== undefined) {
      cannotMove.push({ where: entry.path, kind: pointer });
      continue;
    }
    if (isInfoSidecar(entry.path, paths)) continue;
    count++;
    bytes += entry.size;
    movable.push(entry);
    if (OFFICE_FORMATS.has(extension)) {
      documents++;
      byFormat[extension] = (byFormat[extension] ?? 0) + 1;
    }
  }
  cannotMove.sort((a, b) => (a.where < b.where ? -1 : a.where > b.where ? 1 : 0));
  return { count, bytes, documents: { count: documents, byFormat }, cannotMove, movable };
}

/**
 * Older exports put a `<file>-info.json` next to each Drive file (title, last modified…;
 * TAKEOUT-NOTES §1.5). It is Google's metadata, not the family's file: not counted, not moved.
 */
function isInfoSidecar(path: string, paths: ReadonlySet<string>): boolean {
  if (!baseName(path).endsWith('-info.json')) return false;
  return paths.has(path.slice(0, -'-info.json'.length));
}
