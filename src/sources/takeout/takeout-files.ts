// The family's Drive in a Takeout, as the port's SourceFiles: the files Drive's summary counted
// (computed once by the inventory), with paths inside the Drive folder, and a feed that reads
// them the way the archive reads best — any order for zip parts and folders (opened one by one),
// archive order for a .tgz (archive-order-feed.ts: one more pass over the part, not one per file).
import type { Takeout } from '../../takeout/open-takeout.ts';
import type { DriveFacts } from '../../takeout/drive-files.ts';
import type { TakeoutEntry } from '../../takeout/takeout-source.ts';
import type { FedFile, SourceFile, SourceFiles } from '../source.ts';
import { archiveOrderFeed } from './archive-order-feed.ts';
import type { FeedOptions } from './archive-order-feed.ts';

/** One Drive per Google account: the tree's key does not depend on the archive's language. */
export const driveSourceKey = 'google-drive';

export function takeoutFiles(
  takeout: Takeout,
  folder: string,
  drive: DriveFacts,
  feedOptions: Omit<FeedOptions, 'signal'> = {},
): SourceFiles {
  const prefix = `${folder}/`;
  const relative = (path: string): string => path.slice(prefix.length);
  const byPath = new Map<string, { file: SourceFile; entry: TakeoutEntry }>();
  for (const entry of drive.movable) {
    const file: SourceFile = {
      path: relative(entry.path),
      size: entry.size,
      mtime: entry.mtime,
      open: (signal) => entry.open(signal),
    };
    byPath.set(entry.path, { file, entry });
  }
  const files = [...byPath.values()].map((one) => one.file);
  // A .tgz can only be read from its start: its files come in archive order, from one pass.
  const inOrder = drive.movable.some((entry) => takeout.parts[entry.part]?.format === 'tgz');
  return {
    key: driveSourceKey,
    files,
    bytes: drive.bytes,
    cannotMove: drive.cannotMove.map(({ where, kind }) => ({ where: relative(where), kind })),
    documents: drive.documents,
    feed(wanted, signal) {
      const entries = [...byPath.values()].filter(({ file }) => wanted.has(file.path));
      if (!inOrder) return fromList(entries, signal);
      return archiveOrderFeed<FedFile>(
        takeout,
        new Set(entries.map(({ entry }) => entry.path)),
        (entry, content, release) => ({
          file: byPath.get(entry.path)?.file ?? fileOf(entry, relative(entry.path)),
          open: (attempt) => content.open(attempt),
          release,
        }),
        { ...feedOptions, signal },
      );
    },
  };
}

function fileOf(entry: TakeoutEntry, path: string): SourceFile {
  return { path, size: entry.size, mtime: entry.mtime, open: (signal) => entry.open(signal) };
}

/** Files made as they are pulled: memory follows the concurrency, not the number of files. */
async function* fromList(
  entries: readonly { file: SourceFile; entry: TakeoutEntry }[],
  signal: AbortSignal,
): AsyncGenerator<FedFile> {
  for (const { file } of entries) {
    if (signal.aborted) return;
    yield await Promise.resolve({ file, open: (attempt: AbortSignal) => file.open(attempt) });
  }
}
