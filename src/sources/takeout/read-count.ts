// How often a Takeout source goes back to the archive: entries opened (each read of one file's
// bytes, during a walk or on its own) and parts inflated (a .tgz is read from its start, whether
// by a walk or to reach one entry). The bench prints it; tests hold the planner to one open per
// calendar entry. Counted by wrapping the opened export, so no reader has to remember to count.
import type { Takeout } from '../../takeout/open-takeout.ts';
import type { TakeoutEntry, TakeoutVisitor } from '../../takeout/takeout-source.ts';

export interface ReadCount {
  /** Archive entries whose bytes were read (a walk's read, or an open of its own). */
  entriesOpened: number;
  /** Times a .tgz part was inflated from its start (a walk, or an open of one of its entries). */
  partsInflated: number;
  /** Entries opened, by path (a test checks each calendar is opened once for planning). */
  readonly byPath: Map<string, number>;
}

export function newReadCount(): ReadCount {
  return { entriesOpened: 0, partsInflated: 0, byPath: new Map() };
}

/**
 * The same export, counting what is read through it. `spooled`: entries whose bytes come from a
 * copy (tgz-spool.ts) rather than from their part.
 */
export function countReads(
  takeout: Takeout,
  count: ReadCount,
  spooled: (path: string) => boolean = () => false,
): Takeout {
  const isTgz = (part: number): boolean => takeout.parts[part]?.format === 'tgz';
  const opened = (path: string): void => {
    count.entriesOpened += 1;
    count.byPath.set(path, (count.byPath.get(path) ?? 0) + 1);
  };
  const wrapped = new Map<TakeoutEntry, TakeoutEntry>();
  let lastTree: ReadonlyMap<string, TakeoutEntry> | null = null;
  let lastWrapped: ReadonlyMap<string, TakeoutEntry> = new Map();
  const counted = (entry: TakeoutEntry): TakeoutEntry => {
    let known = wrapped.get(entry);
    if (known === undefined) {
      known = {
        path: entry.path,
        size: entry.size,
        mtime: entry.mtime,
        part: entry.part,
        open: (signal) => {
          opened(entry.path);
          if (isTgz(entry.part) && !spooled(entry.path)) count.partsInflated += 1;
          return entry.open(signal);
        },
      };
      wrapped.set(entry, known);
    }
    return known;
  };
  return {
    paths: takeout.paths,
    parts: takeout.parts,
    get failedParts() {
      return takeout.failedParts;
    },
    async entries(options) {
      const tree = await takeout.entries(options);
      // The tree is made once per walk: wrap it once too (20,000 Drive files are many objects).
      if (tree !== lastTree) {
        lastTree = tree;
        lastWrapped = new Map([...tree].map(([path, entry]) => [path, counted(entry)]));
      }
      return lastWrapped;
    },
    walk(visitor: TakeoutVisitor, options) {
      count.partsInflated += takeout.parts.filter((part) => part.format === 'tgz').length;
      return takeout.walk(
        {
          visit: (entry) => visitor.visit(counted(entry)),
          read: (entry, content) => {
            opened(entry.path);
            return visitor.read(counted(entry), content);
          },
        },
        options,
      );
    },
    close: () => takeout.close(),
  };
}
