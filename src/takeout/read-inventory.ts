// The inventory of a Takeout export: what "What we found" shows (DESIGN.md, step 3) and where
// each product lives, from one walk over the parts. Calendars, contacts, tasks, Google Photos and
// Keep are recognised by content wherever they are (whatever the account's language), then the
// merged tree tells Drive's files, each picture once (photos-library.ts), each note
// (keep-notes.ts), and the products Baluchon does not move. The Takeout source
// (src/sources/takeout/) turns this reading into the port's SourceInventory.
import type { ProblemFact } from '../contract/problem.ts';
import { noNotes, noPhotos } from '../contract/scan.ts';
import type { Sniffed } from './sniff-content.ts';
import type { ScanProgress, ScanReport } from '../contract/scan.ts';
import { BaluchonError } from '../errors/baluchon-error.ts';
import type { CalendarFile } from '../sources/calendar-identity.ts';
import type { ContentLine } from './content-line.ts';
import type { BombLimits } from './bomb-limits.ts';
import { ContactsBook } from './contacts-tally.ts';
import { findDriveFolder, folderStats, summariseDrive } from './drive-files.ts';
import type { CannotMoveKind, DriveFacts, FolderStats } from './drive-files.ts';
import { baseName, extensionOf, topFolder } from './entry-path.ts';
import { missingPartNames } from './export-parts.ts';
import { readKeepNotes } from './keep-notes.ts';
import type { KeepLibrary } from './keep-notes.ts';
import { readPhotosLibrary } from './photos-library.ts';
import type { PhotosLibrary } from './photos-library.ts';
import { ScanVisitor, stem } from './scan-visitor.ts';
import type { ContentLimits } from './scan-visitor.ts';
import type { Takeout } from './open-takeout.ts';
import type { TakeoutEntry } from './takeout-source.ts';

export interface ScanOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ScanProgress) => void;
  /** Each problem as soon as it is found (they are also in the result). */
  readonly onProblem?: (problem: ProblemFact) => void;
  /** What is judged too large or a trap (tests lower them to use small fixtures). */
  readonly limits?: Partial<BombLimits & ContentLimits>;
}

/** The inventory as the engine states it; the service writes each `reason` in the user's language. */
export type ScanFacts = Omit<ScanReport, 'problems' | 'files'> & {
  files: Omit<ScanReport['files'], 'cannotMove'> & {
    cannotMove: { where: string; kind: CannotMoveKind }[];
  };
  problems: ProblemFact[];
};

/** Where each product lives in the export: what the migration reads again to copy it. */
export interface TakeoutSources {
  /** Calendar files (entry paths, the same as ScanReport.calendars[].key). */
  readonly calendars: readonly string[];
  /** Contacts files: every label file (the same person in several counts once). */
  readonly contacts: readonly string[];
  /** Tasks.json files. */
  readonly tasks: readonly string[];
  /** The top-level folder of the family's Drive files, if any. */
  readonly driveFolder: string | null;
  /** Per calendar file, what its identity is judged on (read during the walk, never again). */
  readonly calendarFiles: ReadonlyMap<string, CalendarFile & { header: readonly ContentLine[] }>;
  /** Each Tasks.json's text, read during the walk (never opened again). */
  readonly tasksText: ReadonlyMap<string, string>;
  /** Drive's summary, computed once: the scan's facts and the files the migration moves. */
  readonly drive: DriveFacts | null;
  /** Google Photos, each picture once, with its albums; null when the export has none. */
  readonly photos: PhotosLibrary | null;
  /** Google Keep's notes that move; null when the export has none. */
  readonly keep: KeepLibrary | null;
}

/**
 * Reads an opened export once (one walk over its parts) and tells what it holds and where.
 * Problems go to `report`; `options.onProblem` is not called here.
 */
export async function readInventory(
  takeout: Takeout,
  report: (problem: ProblemFact) => void,
  options: Pick<ScanOptions, 'signal' | 'onProgress' | 'limits'> = {},
): Promise<{ facts: Omit<ScanFacts, 'problems'>; sources: TakeoutSources }> {
  const { signal, onProgress } = options;
  const visitor = new ScanVisitor(report, options.limits);
  await takeout.walk(visitor, {
    ...(signal === undefined ? {} : { signal }),
    onProgress: (walk) => {
      onProgress?.({
        phase: 'reading',
        entriesDone: walk.entriesDone,
        entriesTotal: Math.max(walk.entriesKnown, walk.entriesDone),
        bytesDone: walk.bytesDone,
        bytesTotal: walk.bytesTotal,
      });
    },
  });
  const tree = await takeout.entries();
  const readable = takeout.parts.filter(
    (part, index) => !(takeout.failedParts.has(index) && part.entries === 0),
  );
  if (readable.length === 0) throw new BaluchonError('takeout.nothing-readable');
  const { facts, sources } = inventory(tree, visitor);
  return {
    facts: {
      archives: readable.map((part) => ({
        path: part.path,
        name: part.name,
        format: part.format,
        entries: part.entries,
        bytes: part.bytes,
      })),
      ...facts,
      // Judged on every path given, even a part that could not be read: it is not missing.
      missingParts: missingPartNames(takeout.paths, [...visitor.partsInIndex]),
    },
    sources,
  };
}

function inventory(
  tree: ReadonlyMap<string, TakeoutEntry>,
  visitor: ScanVisitor,
): { facts: Omit<ScanFacts, 'archives' | 'missingParts' | 'problems'>; sources: TakeoutSources } {
  const byFolder = new Map<string, TakeoutEntry[]>();
  for (const entry of tree.values()) {
    const top = topFolder(entry.path);
    const list = byFolder.get(top);
    if (list === undefined) byFolder.set(top, [entry]);
    else list.push(entry);
  }
  const stats = new Map<string, FolderStats>();
  for (const [folder, entries] of byFolder) stats.set(folder, folderStats(folder, entries));

  // Folders whose content made them a product: calendars, contacts, tasks, or another product's
  // JSON (Photos sidecars, Keep notes, My Activity) or Gmail's mbox.
  const contentPaths = [
    ...visitor.calendars.keys(),
    ...visitor.contacts.map((c) => c.path),
    ...visitor.tasks.keys(),
  ];
  const contentByFolder = new Map<string, number>();
  for (const path of contentPaths) {
    const top = topFolder(path);
    contentByFolder.set(top, (contentByFolder.get(top) ?? 0) + 1);
  }
  const isProduct = (folder: string): boolean => {
    const folderStat = stats.get(folder);
    const content = contentByFolder.get(folder) ?? 0;
    if (folderStat === undefined) return false;
    // A Drive may hold a calendar file the family kept there; a product folder is mostly its content.
    if (content > 0 && (folderStat.driveLike === 0 || content * 2 >= folderStat.entries))
      return true;
    const kinds = visitor.sniffed.get(folder);
    if ((kinds?.get('activity') ?? 0) > 0) return true;
    return otherProduct(folder, byFolder.get(folder) ?? [], visitor) !== 'other';
  };
  const candidates = [...stats.values()].filter((folderStat) => !isProduct(folderStat.folder));
  const driveFolder = findDriveFolder(candidates);
  const inDrive = (path: string): boolean =>
    driveFolder !== null && topFolder(path) === driveFolder;

  const calendars = [...visitor.calendars.entries()]
    .filter(([key]) => !inDrive(key))
    .map(([key, facts]) => ({ key, ...facts }));
  const collator = new Intl.Collator('fr', { sensitivity: 'base' });
  calendars.sort((a, b) => collator.compare(a.name, b.name) || (a.key < b.key ? -1 : 1));

  const book = new ContactsBook();
  for (const file of visitor.contacts) {
    if (!inDrive(file.path)) book.addFile(labelOfFile(file.path), file.tally);
  }

  const lists: { title: string; count: number }[] = [];
  let taskCount = 0;
  let cleared = 0;
  for (const [path, facts] of [...visitor.tasks.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (inDrive(path)) continue;
    lists.push(...facts.lists);
    taskCount += facts.count;
    cleared += facts.cleared;
  }

  const drive = driveFolder === null ? null : summariseDrive(byFolder.get(driveFolder) ?? []);

  // Google Photos and Keep: the top-level folder holding most of their JSON, whatever its name.
  const photosFolder = folderMostly(visitor, 'photos', driveFolder);
  const photos =
    photosFolder === null
      ? null
      : readPhotosLibrary(photosFolder, byFolder.get(photosFolder) ?? [], {
          sidecars: visitor.photoSidecars,
          albums: visitor.albumDescriptions,
        });
  const keepFolder = folderMostly(visitor, 'keep', driveFolder);
  const keep =
    keepFolder === null || keepFolder === photosFolder
      ? null
      : readKeepNotes(keepFolder, visitor.keepNotes, byFolder.get(keepFolder) ?? []);

  const others: ScanFacts['others'] = [];
  for (const [folder, entries] of [...byFolder.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (folder === driveFolder || folder === photos?.folder || folder === keep?.folder) continue;
    const folderStat = stats.get(folder);
    const content = contentByFolder.get(folder) ?? 0;
    if (folderStat === undefined || content > 0) continue;
    // Loose files at the root: the archive's index page is not something to move.
    const kept =
      folder === '' ? entries.filter((entry) => extensionOf(entry.path) !== 'html') : entries;
    if (kept.length === 0) continue;
    others.push({
      product: otherProduct(folder, kept, visitor),
      folder,
      entries: kept.length,
      bytes: kept.reduce((sum, entry) => sum + entry.size, 0),
    });
  }

  const facts = {
    calendars,
    contacts: book.facts(),
    tasks: { count: taskCount, lists, cleared },
    files: {
      folder: driveFolder,
      count: drive?.count ?? 0,
      bytes: drive?.bytes ?? 0,
      documents: drive?.documents ?? { count: 0, byFormat: {} },
      cannotMove: drive?.cannotMove ?? [],
    },
    photos: photos?.summary ?? noPhotos,
    notes: keep?.summary ?? noNotes,
    others,
  };
  const sources: TakeoutSources = {
    calendars: calendars.map((calendar) => calendar.key),
    contacts: visitor.contacts.map((file) => file.path).filter((path) => !inDrive(path)),
    tasks: [...visitor.tasks.keys()].filter((path) => !inDrive(path)).sort(),
    driveFolder,
    calendarFiles: visitor.calendarFiles,
    tasksText: visitor.tasksText,
    drive,
    photos,
    keep,
  };
  return { facts, sources };
}

/**
 * The top-level folder holding most files sniffed as `kind` (ties: the first by name); never the
 * Drive (a family may keep a sidecar there) nor loose files at the root.
 */
function folderMostly(
  visitor: ScanVisitor,
  kind: Sniffed,
  driveFolder: string | null,
): string | null {
  let best: { folder: string; count: number } | null = null;
  for (const [folder, kinds] of [...visitor.sniffed].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const count = kinds.get(kind) ?? 0;
    if (folder === '' || folder === driveFolder || count === 0) continue;
    if (best === null || count > best.count) best = { folder, count };
  }
  return best?.folder ?? null;
}

/** Which product Baluchon does not move a folder holds, judged by its content. */
function otherProduct(
  folder: string,
  entries: readonly TakeoutEntry[],
  visitor: ScanVisitor,
): ScanFacts['others'][number]['product'] {
  if (entries.some((entry) => extensionOf(entry.path) === 'mbox')) return 'mail';
  const kinds = visitor.sniffed.get(folder);
  if ((kinds?.get('photos') ?? 0) > 0) return 'photos';
  if ((kinds?.get('keep') ?? 0) > 0) return 'keep';
  return 'other';
}

/**
 * The label a contacts file stands for: its folder (`Contacts/Famille/Famille.vcf` → `Famille`),
 * or its own name when it sits directly in the product folder.
 */
function labelOfFile(path: string): string {
  const segments = path.split('/');
  return segments.length >= 3 ? (segments[segments.length - 2] as string) : stem(baseName(path));
}
