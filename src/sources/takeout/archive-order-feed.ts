// Drive files of a .tgz, handed out in archive order from one pass over the parts: a .tgz can
// only be read from its start, so opening each file on its own would inflate the part again for
// every file (src/takeout/README.md). The pass (Takeout.walk) pushes, the migration pulls:
// - a small file is read into memory at once, so several can be uploaded side by side while
//   the pass goes on, within `bufferBytes` held at a time;
// - a large file is streamed from the pass itself; the pass waits until the migration is done
//   with it (OutgoingItem.release), then moves on.
// Memory stays bounded by the buffer budget and the queue length, whatever the archive holds.
import type { Readable } from 'node:stream';
import type { Takeout } from '../../takeout/open-takeout.ts';
import type { TakeoutEntry } from '../../takeout/takeout-source.ts';
import type { ContentSource } from '../../files/file-payload.ts';
import { inMemory, onceThenReopen, randomAccess } from './content-sources.ts';

export interface FeedOptions {
  readonly signal?: AbortSignal;
  /** Files up to this size are read into memory (default 1 MiB). */
  readonly smallFileBytes?: number;
  /** At most this many bytes of small files in memory at once (default 32 MiB). */
  readonly bufferBytes?: number;
  /** Items waiting to be pulled (default 16). */
  readonly queueLength?: number;
}

/** Builds the item for an entry; `release` must be called once the migration is done with it. */
export type MakeItem<T> = (entry: TakeoutEntry, content: ContentSource, release: () => void) => T;

export function archiveOrderFeed<T>(
  takeout: Takeout,
  wanted: ReadonlySet<string>,
  makeItem: MakeItem<T>,
  options: FeedOptions = {},
): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]: () => new Feed(takeout, wanted, makeItem, options),
  };
}

class Feed<T> implements AsyncIterator<T> {
  readonly #queue: { item: T; release: () => void }[] = [];
  readonly #pullers: {
    resolve: (result: IteratorResult<T>) => void;
    reject: (error: unknown) => void;
  }[] = [];
  readonly #waiters: (() => void)[] = [];
  readonly #abort = new AbortController();
  readonly #takeout: Takeout;
  readonly #wanted: ReadonlySet<string>;
  readonly #makeItem: MakeItem<T>;
  readonly #small: number;
  readonly #budget: number;
  readonly #queueLength: number;
  #buffered = 0;
  #started = false;
  #ended = false;
  #closed = false;
  #failure: { error: Error } | null = null;

  constructor(
    takeout: Takeout,
    wanted: ReadonlySet<string>,
    makeItem: MakeItem<T>,
    options: FeedOptions,
  ) {
    this.#takeout = takeout;
    this.#wanted = wanted;
    this.#makeItem = makeItem;
    this.#small = options.smallFileBytes ?? 1024 * 1024;
    this.#budget = Math.max(options.bufferBytes ?? 32 * 1024 * 1024, this.#small);
    this.#queueLength = options.queueLength ?? 16;
    options.signal?.addEventListener(
      'abort',
      () => {
        this.#abort.abort(options.signal?.reason);
      },
      { once: true },
    );
  }

  next(): Promise<IteratorResult<T>> {
    if (!this.#started) {
      this.#started = true;
      void this.#run();
    }
    const queued = this.#queue.shift();
    if (queued !== undefined) {
      this.#wake();
      return Promise.resolve({ done: false, value: queued.item });
    }
    if (this.#failure !== null) return Promise.reject(this.#failure.error);
    if (this.#ended || this.#closed) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve, reject) => this.#pullers.push({ resolve, reject }));
  }

  /** The migration stopped pulling: stop the pass, let go of what was read. */
  return(): Promise<IteratorResult<T>> {
    this.#closed = true;
    this.#abort.abort(new Error('feed closed'));
    for (const queued of this.#queue.splice(0)) queued.release();
    this.#wake();
    return Promise.resolve({ done: true, value: undefined });
  }

  async #run(): Promise<void> {
    const seen = new Set<string>();
    try {
      await this.#takeout.walk(
        {
          visit: (entry) => this.#wanted.has(entry.path) && !seen.has(entry.path),
          read: async (entry, content) => {
            seen.add(entry.path);
            await this.#read(entry, content);
          },
        },
        { signal: this.#abort.signal },
      );
      // Files the pass did not reach (a part that stopped early): each is opened on its own,
      // and fails on its own if its data cannot be read.
      const tree = await this.#takeout.entries();
      for (const path of this.#wanted) {
        const entry = tree.get(path);
        if (entry === undefined || seen.has(path)) continue;
        await this.#push(entry, randomAccess(entry), () => undefined);
      }
      this.#ended = true;
    } catch (error) {
      if (!this.#closed) {
        this.#failure = { error: error instanceof Error ? error : new Error(String(error)) };
      }
    }
    for (const puller of this.#pullers.splice(0)) {
      if (this.#failure !== null) puller.reject(this.#failure.error);
      else puller.resolve({ done: true, value: undefined });
    }
  }

  async #read(entry: TakeoutEntry, content: Readable): Promise<void> {
    if (entry.size <= this.#small) {
      let buffer: Buffer;
      try {
        buffer = await readAll(content, entry.size);
      } catch {
        // Damaged here: the item still goes, and fails on its own with the reason.
        await this.#push(entry, randomAccess(entry), () => undefined);
        return;
      }
      this.#buffered += buffer.length;
      let released = false;
      await this.#push(entry, inMemory(buffer), () => {
        if (released) return;
        released = true;
        this.#buffered -= buffer.length;
        this.#wake();
      });
      return;
    }
    // A large file: the pass waits here until the migration is done with it.
    const done = new Promise<void>((resolve) => {
      void this.#push(entry, onceThenReopen(content, entry), resolve);
    });
    await done;
  }

  /** Queues an item, once there is room (and buffer budget) for it. */
  async #push(entry: TakeoutEntry, content: ContentSource, release: () => void): Promise<void> {
    while (
      !this.#closed &&
      (this.#queue.length >= this.#queueLength || this.#buffered > this.#budget)
    ) {
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
    let once = false;
    const releaseOnce = (): void => {
      if (once) return;
      once = true;
      release();
    };
    if (this.#closed) {
      releaseOnce();
      return;
    }
    const item = this.#makeItem(entry, content, releaseOnce);
    const puller = this.#pullers.shift();
    if (puller !== undefined) puller.resolve({ done: false, value: item });
    else this.#queue.push({ item, release: releaseOnce });
  }

  #wake(): void {
    for (const waiter of this.#waiters.splice(0)) waiter();
  }
}

/** The whole content of a small entry, checked against its declared size. */
async function readAll(content: Readable, size: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of content) {
    const buffer = chunk as Buffer;
    length += buffer.length;
    if (length > size) throw new Error('entry longer than declared');
    chunks.push(buffer);
  }
  if (length !== size) throw new Error('entry shorter than declared');
  return Buffer.concat(chunks, length);
}
