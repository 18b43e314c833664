// What moving the family's Drive means, item by item, for the migration engine: every file of
// the Drive folder with its valid, unique target path and its renamings, the Google-only pointer
// files skipped with their reason, and the totals the free-space check and the progress need.
// The names are planned on the whole tree first (plan-names.ts), then the files are handed out
// lazily: in any order for zip parts and folders (opened one by one), in archive order for a
// .tgz (archive-order-feed.ts).
import type { ProblemFact } from '../contract/problem.ts';
import type { CollectionSpec, SourceEntry } from '../sink/item-sink.ts';
import type { Takeout } from '../takeout/open-takeout.ts';
import type { CannotMoveKind } from '../takeout/drive-files.ts';
import { summariseDrive } from '../takeout/drive-files.ts';
import type { TakeoutEntry } from '../takeout/takeout-source.ts';
import { archiveOrderFeed } from './archive-order-feed.ts';
import type { FeedOptions } from './archive-order-feed.ts';
import type { ContentSource, FilePayload } from './file-payload.ts';
import { fileFingerprint, randomAccess } from './file-payload.ts';
import { validSegment } from './name-rules.ts';
import { planNames } from './plan-names.ts';
import type { PlannedName } from './plan-names.ts';
import { encodeRelative } from './target-href.ts';

export interface PlanDriveOptions {
  /**
   * The import folder's name, in the family's language (`files:folder.imported-name`:
   * "Google Drive (importé)"). Ignored by the engine when the family picked a folder.
   */
  readonly folderName: string;
  readonly signal?: AbortSignal;
  readonly maxPathUnits?: number;
  /** Memory bounds for archives read in order (.tgz); see archive-order-feed.ts. */
  readonly feed?: Omit<FeedOptions, 'signal'>;
}

export interface DrivePlan {
  readonly collection: CollectionSpec;
  readonly entries: AsyncIterable<SourceEntry<FilePayload>>;
  /** The files that will move (pointer files and Google's metadata sidecars aside). */
  readonly totals: { readonly count: number; readonly bytes: number };
  /** Office documents among them, by format: what Google converted Docs, Sheets, Slides to. */
  readonly documents: { readonly count: number; readonly byFormat: Record<string, number> };
  /** Files that cannot move, with why (also handed to the engine as skipped items). */
  readonly cannotMove: readonly { readonly where: string; readonly kind: CannotMoveKind }[];
}

/** One Drive per Google account: the collection's key does not depend on the archive's language. */
export const driveSourceKey = 'google-drive';

const notMovableCode: Record<CannotMoveKind, string> = {
  form: 'files.form-not-movable',
  site: 'files.site-not-movable',
  map: 'files.map-not-movable',
  shortcut: 'files.shortcut-not-movable',
  other: 'files.google-file-not-movable',
};

export async function planDriveFiles(
  takeout: Takeout,
  driveFolder: string,
  options: PlanDriveOptions,
): Promise<DrivePlan> {
  const prefix = `${driveFolder}/`;
  const tree = await takeout.entries(
    options.signal === undefined ? {} : { signal: options.signal },
  );
  const inDrive = [...tree.values()].filter((entry) => entry.path.startsWith(prefix));
  const summary = summariseDrive(inDrive);
  const notMovable = new Set(summary.cannotMove.map((item) => item.where));

  // What summariseDrive counted is what moves: the same rule for the scan and the migration.
  const movable = new Map<string, TakeoutEntry>();
  const isCounted = countedPaths(inDrive, notMovable);
  let bytes = 0;
  for (const entry of inDrive) {
    if (!isCounted(entry)) continue;
    movable.set(entry.path, entry);
    bytes += entry.size;
  }

  const names = planNames(
    [...movable.keys()].map((path) => path.slice(prefix.length)),
    options.maxPathUnits === undefined ? {} : { maxPathUnits: options.maxPathUnits },
  );
  const item = (
    entry: TakeoutEntry,
    content: ContentSource,
    release?: () => void,
  ): SourceEntry<FilePayload> => {
    const relative = entry.path.slice(prefix.length);
    const planned = names.get(relative) as PlannedName;
    return {
      type: 'item',
      item: {
        sourceKey: relative,
        label: relative,
        contentHash: fileFingerprint(entry.size, entry.mtime),
        relativeHref: encodeRelative(planned.segments),
        size: entry.size,
        payload: { entry, size: entry.size, mtime: entry.mtime, content },
        ...(planned.notes.length === 0 ? {} : { notes: planned.notes }),
        ...(release === undefined ? {} : { release }),
      },
    };
  };

  const skipped: SourceEntry<FilePayload>[] = summary.cannotMove.map(({ where, kind }) => {
    const relative = where.slice(prefix.length);
    const problem: ProblemFact = { code: notMovableCode[kind], where: relative };
    return { type: 'skipped', skipped: { sourceKey: relative, label: relative, problem } };
  });

  // A .tgz can only be read from its start: its files come in archive order, from one pass.
  const inOrder = [...movable.values()].some(
    (entry) => takeout.parts[entry.part]?.format === 'tgz',
  );
  const files: AsyncIterable<SourceEntry<FilePayload>> = inOrder
    ? archiveOrderFeed(takeout, new Set(movable.keys()), item, {
        ...options.feed,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      })
    : fromList(movable.values(), (entry) => item(entry, randomAccess(entry)));

  return {
    collection: {
      sourceKey: driveSourceKey,
      displayName: options.folderName,
      slug: validSegment(options.folderName),
    },
    entries: concat(skipped, files),
    totals: { count: movable.size, bytes },
    documents: summary.documents,
    cannotMove: summary.cannotMove.map(({ where, kind }) => ({
      where: where.slice(prefix.length),
      kind,
    })),
  };
}

/**
 * The entries summariseDrive counts: not a pointer file, not an older export's `-info.json`
 * sidecar next to its file (Google's metadata, TAKEOUT-NOTES §1.5).
 */
function countedPaths(
  entries: readonly TakeoutEntry[],
  notMovable: ReadonlySet<string>,
): (entry: TakeoutEntry) => boolean {
  const paths = new Set(entries.map((entry) => entry.path));
  return (entry) => {
    if (notMovable.has(entry.path)) return false;
    const sidecar = entry.path.endsWith('-info.json');
    return !(sidecar && paths.has(entry.path.slice(0, -'-info.json'.length)));
  };
}

/** Items made as they are pulled: memory follows the concurrency, not the number of files. */
async function* fromList<E, T>(entries: Iterable<E>, make: (entry: E) => T): AsyncGenerator<T> {
  for (const entry of entries) yield await Promise.resolve(make(entry));
}

async function* concat<T>(first: readonly T[], rest: AsyncIterable<T>): AsyncGenerator<T> {
  yield* first;
  yield* rest;
}
