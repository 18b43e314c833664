// An export the family already unpacked: a folder holding `Takeout/…` (or several
// `takeout-…-00N/Takeout/…`, or the contents of `Takeout` itself). Symbolic links are never
// followed — an unpacked archive has no business pointing elsewhere on the computer — and files
// are opened with O_NOFOLLOW so a link swapped in after the listing is refused too.
import { constants } from 'node:fs';
import { lstat, open, opendir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { checkEntryPath } from './entry-path.ts';
import { destroyOnAbort } from './stream-utils.ts';
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
  readonly absolute: string;
  readonly path: string;
  readonly size: number;
  readonly mtime: Date;
}

// O_NOFOLLOW does not exist on Windows, where links need privileges to create anyway.
const NO_FOLLOW = (constants as { O_NOFOLLOW?: number }).O_NOFOLLOW ?? 0;

export async function openFolderPart(
  root: string,
  index: number,
  report: ProblemSink,
  signal: AbortSignal | undefined,
): Promise<PartReader> {
  const listed: Listed[] = [];
  await list(root, '', listed, report, signal);
  const bytes = listed.reduce((sum, item) => sum + item.size, 0);
  const info: PartInfo = {
    path: root,
    name: basename(root),
    format: 'folder',
    entries: listed.length,
    bytes,
  };
  return new FolderPartReader(info, index, listed);
}

async function list(
  root: string,
  relative: string,
  out: Listed[],
  report: ProblemSink,
  signal: AbortSignal | undefined,
): Promise<void> {
  signal?.throwIfAborted();
  const names: string[] = [];
  const dir = await opendir(join(root, relative));
  for await (const dirent of dir) names.push(dirent.name);
  // Sorted so that two runs over the same folder see the same order (opendir's is the disk's).
  names.sort();
  for (const name of names) {
    const rel = relative === '' ? name : `${relative}/${name}`;
    const absolute = join(root, rel);
    const info = await lstat(absolute);
    if (info.isDirectory()) {
      await list(root, rel, out, report, signal);
      continue;
    }
    const checked = checkEntryPath(rel);
    const shown = 'path' in checked ? checked.path : rel;
    if (info.isSymbolicLink()) {
      report(takeoutProblem('link-entry', shown));
    } else if (!info.isFile()) {
      report(takeoutProblem('not-a-file', shown));
    } else if ('unsafe' in checked) {
      if (checked.unsafe !== 'empty') report(takeoutProblem('unsafe-path', rel));
    } else {
      out.push({ absolute, path: checked.path, size: info.size, mtime: info.mtime });
    }
  }
}

class FolderPartReader implements PartReader {
  readonly info: PartInfo;
  readonly #index: number;
  readonly #listed: readonly Listed[];
  readonly #entries: readonly TakeoutEntry[];

  constructor(info: PartInfo, index: number, listed: readonly Listed[]) {
    this.info = info;
    this.#index = index;
    this.#listed = listed;
    this.#entries = listed.map((item) => ({
      path: item.path,
      size: item.size,
      mtime: item.mtime,
      part: this.#index,
      open: (signal?: AbortSignal) => this.#open(item.absolute, signal),
    }));
  }

  async walk(context: WalkContext): Promise<PartOutcome> {
    for (const [i, candidate] of this.#entries.entries()) {
      context.signal?.throwIfAborted();
      const entry = context.register(candidate);
      context.advance(this.#listed[i]?.size ?? 0, 1);
      if (entry === null || !context.visitor.visit(entry)) continue;
      await readEntry(context, entry, () => entry.open(context.signal));
    }
    return { failed: false };
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  async #open(absolute: string, signal: AbortSignal | undefined): Promise<Readable> {
    signal?.throwIfAborted();
    const handle = await open(absolute, constants.O_RDONLY | NO_FOLLOW);
    return destroyOnAbort(handle.createReadStream(), signal);
  }
}
