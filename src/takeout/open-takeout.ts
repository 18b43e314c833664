// Opens a Takeout export given as one or several parts (.zip, .tgz, unpacked folders) and shows it
// as one merged tree: Google spreads a folder over several parts (TAKEOUT-NOTES §1.1), so parts
// are merged before anything is interpreted. Damaged or hostile parts and entries are reported
// as problems and skipped; everything else stays readable.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ProblemFact } from '../contract/problem.ts';
import { defaultBombLimits } from './bomb-limits.ts';
import type { BombLimits } from './bomb-limits.ts';
import { detectFormat } from './detect-format.ts';
import { checkParts, orderParts } from './export-parts.ts';
import { openFolderPart } from './folder-part.ts';
import { takeoutProblem } from './takeout-problems.ts';
import type {
  PartInfo,
  PartReader,
  ProblemSink,
  TakeoutEntry,
  TakeoutVisitor,
  WalkOptions,
} from './takeout-source.ts';
import { tgzPart } from './tgz-part.ts';
import { openZipPart } from './zip-part.ts';

export interface OpenTakeoutOptions {
  readonly signal?: AbortSignal;
  /** Each problem, once, as soon as it is found. */
  readonly onProblem: ProblemSink;
  readonly limits?: Partial<BombLimits>;
}

export interface Takeout {
  /** Every path given, in export order, those that could not be opened too. */
  readonly paths: readonly string[];
  /** The parts that could be opened, in export order (`entry.part` indexes this list). */
  readonly parts: readonly PartInfo[];
  /**
   * The merged tree: every regular file by path. Zip parts and folders are listed when opened;
   * a tgz is listed by a walk (one is run here if none has been yet).
   */
  entries(options?: WalkOptions): Promise<ReadonlyMap<string, TakeoutEntry>>;
  /** One pass over every part, in order, handing each entry to the visitor once. */
  walk(visitor: TakeoutVisitor, options?: WalkOptions): Promise<void>;
  /** Whether a part stopped early (damaged, truncated, a bomb) during the last walk. */
  readonly failedParts: ReadonlySet<number>;
  close(): Promise<void>;
}

export async function openTakeout(
  paths: readonly string[],
  options: OpenTakeoutOptions,
): Promise<Takeout> {
  const { signal } = options;
  const limits: BombLimits = { ...defaultBombLimits, ...options.limits };
  const report = onceEach(options.onProblem);
  const ordered = orderParts(paths);
  const check = checkParts(ordered);
  if (check.mixed)
    report(takeoutProblem('mixed-exports', ordered.map((p) => basename(p)).join(', ')));
  // A missing part is not a problem met while reading but a hint for the family before they go
  // on: the scan tells it (ScanReport.missingParts, see export-parts.ts).

  const readers: PartReader[] = [];
  try {
    for (const path of ordered) {
      signal?.throwIfAborted();
      const format = await detectFormat(path);
      const index = readers.length;
      if (format === 'zip') {
        const bytes = (await stat(path)).size;
        const reader = await openZipPart(path, index, bytes, limits, report);
        if (reader !== null) readers.push(reader);
      } else if (format === 'tgz') {
        readers.push(tgzPart(path, index, (await stat(path)).size, limits));
      } else if (format === 'folder') {
        readers.push(await openFolderPart(path, index, report, signal));
      } else {
        report(takeoutProblem('unsupported-format', basename(path)));
      }
    }
  } catch (error) {
    await Promise.all(readers.map((reader) => reader.close()));
    throw error;
  }
  return new MergedTakeout(ordered, readers, report);
}

class MergedTakeout implements Takeout {
  readonly paths: readonly string[];
  readonly parts: readonly PartInfo[];
  readonly failedParts = new Set<number>();
  readonly #readers: readonly PartReader[];
  readonly #report: ProblemSink;
  readonly #tree = new Map<string, TakeoutEntry>();
  #walked = false;

  constructor(paths: readonly string[], readers: readonly PartReader[], report: ProblemSink) {
    this.paths = paths;
    this.#readers = readers;
    this.parts = readers.map((reader) => reader.info);
    this.#report = report;
  }

  async entries(options: WalkOptions = {}): Promise<ReadonlyMap<string, TakeoutEntry>> {
    if (!this.#walked)
      await this.walk({ visit: () => false, read: () => Promise.resolve() }, options);
    return this.#tree;
  }

  async walk(visitor: TakeoutVisitor, options: WalkOptions = {}): Promise<void> {
    const { signal, onProgress } = options;
    const bytesTotal = this.parts.reduce((sum, part) => sum + part.bytes, 0);
    const entriesKnown = (): number => this.parts.reduce((sum, part) => sum + part.entries, 0);
    let bytesDone = 0;
    let entriesDone = 0;
    this.failedParts.clear();
    for (const [index, reader] of this.#readers.entries()) {
      signal?.throwIfAborted();
      const partStart = bytesDone;
      const outcome = await reader.walk({
        signal,
        visitor,
        report: this.#report,
        register: (entry) => this.#register(entry),
        discard: (entry) => {
          if (this.#tree.get(entry.path) === entry) this.#tree.delete(entry.path);
        },
        advance: (bytes, entries) => {
          bytesDone += bytes;
          entriesDone += entries;
          onProgress?.({ bytesDone, bytesTotal, entriesDone, entriesKnown: entriesKnown() });
        },
      });
      if (outcome.failed) this.failedParts.add(index);
      bytesDone = partStart + reader.info.bytes;
      onProgress?.({ bytesDone, bytesTotal, entriesDone, entriesKnown: entriesKnown() });
    }
    this.#walked = true;
  }

  async close(): Promise<void> {
    await Promise.all(this.#readers.map((reader) => reader.close()));
  }

  /** First come, first kept: parts are walked in export order, so the earliest part wins. */
  #register(entry: TakeoutEntry): TakeoutEntry | null {
    const known = this.#tree.get(entry.path);
    if (known === undefined) {
      this.#tree.set(entry.path, entry);
      return entry;
    }
    if (known === entry) return entry;
    this.#report(
      takeoutProblem('duplicate-entry', entry.path, {
        kept: this.parts[known.part]?.name ?? '',
        skipped: this.parts[entry.part]?.name ?? '',
      }),
    );
    return null;
  }
}

/** Reports each distinct problem once, even when a second walk meets it again. */
function onceEach(sink: ProblemSink): ProblemSink {
  const seen = new Set<string>();
  return (problem: ProblemFact) => {
    const key = JSON.stringify([problem.code, problem.where, problem.params ?? null]);
    if (seen.has(key)) return;
    seen.add(key);
    sink(problem);
  };
}
