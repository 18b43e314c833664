// A .tgz part can only be read from its start: opening one of its entries again inflates the
// part up to it (src/takeout/README.md). The planner reads each calendar twice more (survey,
// then prepare) and each contacts file once more — without this, as many inflations of the
// part. So during the inventory's walk, what the scan reads whole from a .tgz (calendars,
// contacts, Tasks.json: tens of megabytes at most, never Drive's files) is also written to a
// private temporary folder, and later opens read that copy: a .tgz is inflated once for the
// inventory and once for Drive's transfer, whatever the planner reads. Removed on close.
import {
  closeSync,
  createReadStream,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Takeout } from '../../takeout/open-takeout.ts';
import type { TakeoutEntry, TakeoutVisitor } from '../../takeout/takeout-source.ts';

export interface SpooledTakeout extends Takeout {
  /** Whether an entry's bytes come from the copy (no inflation of its part). */
  spooled(path: string): boolean;
}

/** `tmp`: where to make the private folder (the system's temporary folder, passed in). */
export function spoolTgzContent(takeout: Takeout, tmp: string): SpooledTakeout {
  const copies = new Map<string, string>();
  let dir: string | null = null;
  let walks = 0;
  const copyOf = (entry: TakeoutEntry): TakeoutEntry => {
    const copy = copies.get(entry.path);
    if (copy === undefined) return entry;
    return {
      path: entry.path,
      size: entry.size,
      mtime: entry.mtime,
      part: entry.part,
      open: () => Promise.resolve(createReadStream(copy)),
    };
  };
  const tee = (entry: TakeoutEntry, content: Readable): Readable => {
    if (dir === null) mkdirSync(tmp, { recursive: true, mode: 0o700 });
    dir ??= mkdtempSync(join(tmp, 'baluchon-tgz-'));
    const path = join(dir, String(copies.size + pending.size));
    const fd = openSync(path, 'w', 0o600);
    pending.set(path, fd);
    async function* copied(): AsyncGenerator<Buffer> {
      for await (const chunk of content as AsyncIterable<Buffer>) {
        writeSync(fd, chunk);
        yield chunk;
      }
      // Read to its end: the copy is whole and may stand in for the entry.
      closeSync(fd);
      pending.delete(path);
      copies.set(entry.path, path);
    }
    return Readable.from(copied(), { objectMode: false });
  };
  const pending = new Map<string, number>();
  let lastTree: ReadonlyMap<string, TakeoutEntry> | null = null;
  let lastCopies = 0;
  let lastWrapped: ReadonlyMap<string, TakeoutEntry> = new Map();
  return {
    paths: takeout.paths,
    parts: takeout.parts,
    get failedParts() {
      return takeout.failedParts;
    },
    spooled: (path) => copies.has(path),
    async entries(options) {
      const tree = await takeout.entries(options);
      // Only the copied entries change: the others are handed out as they are.
      if (copies.size === 0) return tree;
      if (tree !== lastTree || copies.size !== lastCopies) {
        lastTree = tree;
        lastCopies = copies.size;
        lastWrapped = new Map([...tree].map(([path, entry]) => [path, copyOf(entry)]));
      }
      return lastWrapped;
    },
    async walk(visitor: TakeoutVisitor, options) {
      // Only the first walk is the inventory's; a later one (Drive's files) is not copied.
      const first = walks++ === 0;
      try {
        await takeout.walk(
          {
            visit: (entry) => visitor.visit(entry),
            read: (entry, content) =>
              visitor.read(
                entry,
                first && takeout.parts[entry.part]?.format === 'tgz'
                  ? tee(entry, content)
                  : content,
              ),
          },
          options,
        );
      } finally {
        // Copies left unfinished (a sniffed file read only in part, a damaged entry) are dropped.
        for (const [path, fd] of pending) {
          closeSync(fd);
          rmSync(path, { force: true });
        }
        pending.clear();
      }
    },
    async close() {
      try {
        await takeout.close();
      } finally {
        if (dir !== null) rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
