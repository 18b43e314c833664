// Where the bytes of one Drive file of the archive come from, attempt after attempt. The bytes
// are never held whole (except small files of a .tgz read in archive order, up to a fixed budget):
// each attempt opens a fresh stream.
import { Readable } from 'node:stream';
import type { ContentSource } from '../../files/file-payload.ts';
import type { TakeoutEntry } from '../../takeout/takeout-source.ts';

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
