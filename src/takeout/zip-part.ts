// One .zip part, read through its central directory with yauzl (APPNOTE §4.3.12): listing costs
// one read of the directory, and any entry can be opened later in any order. Names are decoded
// here, not by yauzl (`decodeStrings: false`): yauzl stops the whole listing at the first unsafe
// name, while a hostile entry must only be reported and skipped, the rest still counted.
import { close, open } from 'node:fs';
import { basename } from 'node:path';
import { promisify } from 'node:util';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { suspiciousZipRatio } from './bomb-limits.ts';
import type { BombLimits } from './bomb-limits.ts';
import { decodeZipName } from './decode-zip-name.ts';
import { checkEntryPath } from './entry-path.ts';
import { destroyOnAbort } from './stream-utils.ts';
import { ReadAheadZipReader } from './zip-file-reader.ts';
import { readEntry } from './read-entry.ts';
import { takeoutProblem } from './takeout-problems.ts';
import type {
  PartInfo,
  PartOutcome,
  PartReader,
  ProblemSink,
  TakeoutEntry,
  WalkContext,
} from './takeout-source.ts';

interface Listed {
  readonly entry: Entry;
  readonly path: string;
  readonly mtime: Date;
}

export async function openZipPart(
  path: string,
  index: number,
  bytes: number,
  limits: BombLimits,
  report: ProblemSink,
): Promise<PartReader | null> {
  const name = basename(path);
  let zip: ZipFile;
  const fd = await promisify(open)(path, 'r');
  try {
    zip = await yauzl.fromRandomAccessReaderPromise(new ReadAheadZipReader(fd, bytes), bytes, {
      autoClose: false,
      decodeStrings: false,
      validateEntrySizes: true,
    });
  } catch {
    await promisify(close)(fd);
    // No end-of-central-directory record: not a zip, or a download cut short.
    report(takeoutProblem('archive-unreadable', name));
    return null;
  }
  const listed: Listed[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      const item = checkZipEntry(entry, limits, report);
      if (item !== null) listed.push(item);
    }
  } catch {
    // A damaged central directory: what was listed before the damage is still usable.
    report(takeoutProblem('archive-damaged', name));
  }
  const safe = withoutOverlaps(withinArchive(listed, bytes, report), report);
  const info: PartInfo = { path, name, format: 'zip', entries: safe.length, bytes };
  return new ZipPartReader(zip, info, index, safe);
}

const UNIX_HOSTS = new Set([3, 19]); // APPNOTE §4.4.2.2: 3 = UNIX, 19 = OS X (Darwin)
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

function checkZipEntry(entry: Entry, limits: BombLimits, report: ProblemSink): Listed | null {
  const decoded = decodeZipName(entry.fileNameRaw, entry.generalPurposeBitFlag, entry.extraFields);
  const rawName = decoded.name;
  if (rawName.endsWith('/')) return null; // a directory: entries imply their folders anyway
  const mode = UNIX_HOSTS.has(entry.versionMadeBy >> 8)
    ? (entry.externalFileAttributes >>> 16) & S_IFMT
    : 0;
  if (mode === S_IFDIR) return null;
  const checked = checkEntryPath(rawName);
  if ('unsafe' in checked) {
    if (checked.unsafe !== 'empty') report(takeoutProblem('unsafe-path', rawName));
    return null;
  }
  const path = checked.path;
  if (mode === S_IFLNK) {
    report(takeoutProblem('link-entry', path));
    return null;
  }
  if (mode !== 0 && mode !== S_IFREG) {
    report(takeoutProblem('not-a-file', path));
    return null;
  }
  if (entry.isEncrypted() || !entry.canDecodeFileData()) {
    report(takeoutProblem('entry-unsupported', path));
    return null;
  }
  const ratio =
    entry.compressionMethod === 0
      ? null
      : suspiciousZipRatio(entry.compressedSize, entry.uncompressedSize, limits);
  if (ratio !== null) {
    report(takeoutProblem('bomb-suspected', path, { ratio }));
    return null;
  }
  if (decoded.legacy) report(takeoutProblem('name-not-utf8', path));
  return { entry: slim(entry), path, mtime: modificationTime(entry) };
}

/**
 * Only what opening the entry later needs (yauzl documents `new Entry()` for such uses): a
 * listed entry otherwise keeps its raw name, extra fields and comment buffers, about 2 kB each,
 * 40 MB for a 20,000-file export.
 */
function slim(entry: Entry): Entry {
  return Object.assign(new yauzl.Entry(), {
    relativeOffsetOfLocalHeader: entry.relativeOffsetOfLocalHeader,
    compressedSize: entry.compressedSize,
    uncompressedSize: entry.uncompressedSize,
    compressionMethod: entry.compressionMethod,
    generalPurposeBitFlag: entry.generalPurposeBitFlag,
    fileNameLength: entry.fileNameLength,
  });
}

/** Minimal end of an entry's data: its local header is at least 30 bytes plus the name. */
function dataEnd(item: Listed): number {
  return (
    item.entry.relativeOffsetOfLocalHeader +
    30 +
    item.entry.fileNameLength +
    item.entry.compressedSize
  );
}

/** Entries whose declared data would go past the end of the file cannot be read: named now. */
function withinArchive(listed: readonly Listed[], bytes: number, report: ProblemSink): Listed[] {
  return listed.filter((item) => {
    if (dataEnd(item) <= bytes) return true;
    report(takeoutProblem('entry-unreadable', item.path));
    return false;
  });
}

/**
 * Entries whose data overlap share bytes with another entry: a zip never needs that, and it is
 * how "non-recursive zip bombs" multiply a small kernel of data (Fifield, WOOT 2019). The local
 * header is at least 30 bytes plus the name, so `offset + 30 + name + packed size` is a lower
 * bound of where an entry's data ends: any overlap found this way is real.
 */
function withoutOverlaps(listed: readonly Listed[], report: ProblemSink): Listed[] {
  const byOffset = [...listed].sort(
    (a, b) => a.entry.relativeOffsetOfLocalHeader - b.entry.relativeOffsetOfLocalHeader,
  );
  const bad = new Set<Listed>();
  let previous: Listed | null = null;
  let previousEnd = -1;
  for (const item of byOffset) {
    const start = item.entry.relativeOffsetOfLocalHeader;
    if (previous !== null && start < previousEnd) {
      bad.add(previous);
      bad.add(item);
    }
    const end = dataEnd(item);
    if (end > previousEnd) {
      previousEnd = end;
      previous = item;
    }
  }
  for (const item of bad) report(takeoutProblem('overlapping-entries', item.path));
  return listed.filter((item) => !bad.has(item));
}

/**
 * Info-ZIP's extended timestamp (extra field 0x5455: a flags byte, then the modification time in
 * seconds since 1970 when bit 0 is set) is exact and in UTC; the DOS time is local time of the
 * machine that zipped, unknown here — Google's servers are taken to be on UTC.
 */
function modificationTime(entry: Entry): Date {
  const field = entry.extraFields.find((extra) => extra.id === 0x5455)?.data;
  if (field !== undefined && field.length >= 5 && ((field[0] as number) & 1) === 1) {
    return new Date(field.readInt32LE(1) * 1000);
  }
  return entry.getLastModDate({ timezone: 'UTC' });
}

class ZipPartReader implements PartReader {
  readonly info: PartInfo;
  readonly #zip: ZipFile;
  readonly #index: number;
  readonly #listed: readonly Listed[];
  /** The same entry objects on every walk, so the merged tree recognises them. */
  readonly #entries: readonly TakeoutEntry[];

  constructor(zip: ZipFile, info: PartInfo, index: number, listed: readonly Listed[]) {
    this.#zip = zip;
    this.info = info;
    this.#index = index;
    this.#listed = listed;
    this.#entries = listed.map((item) => this.#entryOf(item));
  }

  async walk(context: WalkContext): Promise<PartOutcome> {
    for (const [i, item] of this.#listed.entries()) {
      context.signal?.throwIfAborted();
      const entry = context.register(this.#entries[i] as TakeoutEntry);
      context.advance(item.entry.compressedSize, 1);
      if (entry === null || !context.visitor.visit(entry)) continue;
      await readEntry(context, entry, () => this.#open(item.entry));
    }
    return { failed: false };
  }

  close(): Promise<void> {
    this.#zip.close();
    return Promise.resolve();
  }

  #entryOf(item: Listed): TakeoutEntry {
    return {
      path: item.path,
      size: item.entry.uncompressedSize,
      mtime: item.mtime,
      part: this.#index,
      open: async (signal) => {
        signal?.throwIfAborted();
        // The listener goes with the stream: a run opens thousands of entries on one signal.
        return destroyOnAbort(await this.#open(item.entry), signal);
      },
    };
  }

  #open(entry: Entry): Promise<Readable> {
    return this.#zip.openReadStreamPromise(entry);
  }
}
