// The shapes the Takeout reader hands out: entries of the merged export and the visitor that
// walks them. The scan uses them today; the migration will use the same ones to copy items.
import type { Readable } from 'node:stream';
import type { ProblemFact } from '../contract/problem.ts';
import type { PartFormat } from './detect-format.ts';

/** One regular file of the export, wherever (whichever part) it was found. */
export interface TakeoutEntry {
  /**
   * Path inside the export, without the `takeout-…-00N/` and `Takeout/` roots, `/`-separated and
   * NFC-normalised: `Agenda/Famille.ics`, `Drive/Factures/2024.pdf`.
   */
  readonly path: string;
  /** Uncompressed size in bytes, as the archive declares it. */
  readonly size: number;
  /** Modification time (zip: extended timestamp 0x5455 when present, else DOS time read as UTC). */
  readonly mtime: Date | null;
  /** Index of its part in `Takeout.parts`. */
  readonly part: number;
  /**
   * Opens the content again, as often as needed. Cheap for zip and folders; for a tgz it reads
   * the part from its start up to the entry, so copying many entries should use `walk`.
   */
  open(signal?: AbortSignal): Promise<Readable>;
}

/** One archive part (or unpacked folder) that could be opened. */
export interface PartInfo {
  readonly path: string;
  readonly name: string;
  readonly format: PartFormat;
  /** Regular files found in it (known once it has been walked, for a tgz). */
  entries: number;
  /** Size on disk: the archive file, or the files of a folder. */
  readonly bytes: number;
}

export type ProblemSink = (problem: ProblemFact) => void;

export interface WalkProgress {
  /** Bytes of the parts (as stored on disk) gone through so far. */
  readonly bytesDone: number;
  readonly bytesTotal: number;
  /** Entries gone through so far (for a tgz, the total is only known at its end). */
  readonly entriesDone: number;
  readonly entriesKnown: number;
}

export interface TakeoutVisitor {
  /** Called once per entry, in archive order; return true to receive its content in `read`. */
  visit(entry: TakeoutEntry): boolean;
  /**
   * Reads (or partly reads) the content, then resolves. Rejecting means the content could not be
   * read (damaged data): the walk reports the entry and goes on.
   */
  read(entry: TakeoutEntry, content: Readable): Promise<void>;
}

export interface WalkOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: WalkProgress) => void;
}

/** What a part reader needs from the Takeout that owns it. */
export interface WalkContext {
  readonly signal: AbortSignal | undefined;
  readonly visitor: TakeoutVisitor;
  /**
   * Registers an entry of the merged export; returns the registered entry, or null when the same
   * path came earlier (from this part or an earlier one): the duplicate is reported and skipped.
   */
  register(entry: TakeoutEntry): TakeoutEntry | null;
  /** Takes a registered entry back out of the tree (its content turned out to be a trap). */
  discard(entry: TakeoutEntry): void;
  /** Bytes of the part gone through, and one more entry passed. */
  advance(bytes: number, entries: number): void;
  report: ProblemSink;
}

export interface PartReader {
  readonly info: PartInfo;
  /** Goes through every entry of the part once, in archive order. */
  walk(context: WalkContext): Promise<PartOutcome>;
  close(): Promise<void>;
}

/** How a part's walk ended: `failed` parts stopped early (damaged, truncated, a bomb). */
export interface PartOutcome {
  readonly failed: boolean;
}

/** A reason for an entry's content being unreadable, kept apart from cancellation. */
export function isAbort(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}
