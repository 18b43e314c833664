// What the files sink receives for one Drive file: where its bytes come from, how big it is and
// the date to keep. The bytes are never held whole (except small files of a .tgz read in archive
// order, up to a fixed budget): each attempt opens a fresh stream.
import { Readable } from 'node:stream';
import type { TakeoutEntry } from '../takeout/takeout-source.ts';

export interface ContentSource {
  /** A new stream of the whole content; called once per attempt. */
  open(signal: AbortSignal): Promise<Readable>;
}

export interface FilePayload {
  readonly entry: TakeoutEntry;
  /** What the archive says the file weighs: the exact number of bytes to send. */
  readonly size: number;
  /** Modification time to keep on the server, or null when the archive has none. */
  readonly mtime: Date | null;
  readonly content: ContentSource;
}

/** Zip parts and unpacked folders: any entry can be opened at any time, cheaply. */
export function randomAccess(entry: TakeoutEntry): ContentSource {
  return { open: (signal) => entry.open(signal) };
}

/** A small file already read (from a .tgz walk): every attempt reads the same bytes. */
export function inMemory(content: Buffer): ContentSource {
  return { open: () => Promise.resolve(Readable.from([content], { objectMode: false })) };
}

/**
 * A large file of a .tgz, met during the one pass over its part: the first attempt reads it from
 * the pass itself; a retry opens it again (reading the part from its start up to it: slow, but
 * retries are rare and the pass cannot go back).
 */
export function onceThenReopen(first: Readable, entry: TakeoutEntry): ContentSource {
  let pending: Readable | null = first;
  return {
    open(signal) {
      const stream = pending;
      pending = null;
      return stream === null ? entry.open(signal) : Promise.resolve(stream);
    },
  };
}

/**
 * The change fingerprint of a file (the journal's content hash): its size and modification
 * time, as rsync and the Nextcloud clients compare files. Reading every byte first to hash it
 * would double the time of a run, and a file Google exported again unchanged keeps both.
 */
export function fileFingerprint(size: number, mtime: Date | null): string {
  return `file-v1:${size}:${mtime === null ? '-' : Math.floor(mtime.getTime() / 1000)}`;
}
