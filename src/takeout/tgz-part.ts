// One .tgz part, streamed through zlib and tar-stream: a gzip stream has no directory, so the
// only way to list it is to inflate it from the start, and every walk is one sequential pass.
// Nothing is written to disk and no entry is held in memory: entry contents are handed to the
// visitor as they stream by, and skipped entries are drained.
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Transform } from 'node:stream';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import type { Header } from 'tar-stream';
import { tgzBudget } from './bomb-limits.ts';
import type { BombLimits } from './bomb-limits.ts';
import { checkEntryPath } from './entry-path.ts';
import { destroyOnAbort, nodeReadableOf } from './stream-utils.ts';
import type { FlowingSource } from './stream-utils.ts';
import { takeoutProblem } from './takeout-problems.ts';
import type {
  PartInfo,
  PartOutcome,
  PartReader,
  TakeoutEntry,
  WalkContext,
} from './takeout-source.ts';

type Pax = Record<string, string | undefined>;
type Failure = 'unreadable' | 'damaged' | 'truncated' | 'bomb' | 'aborted';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const READ_CHUNK = 1024 * 1024;

export function tgzPart(
  path: string,
  index: number,
  bytes: number,
  limits: BombLimits,
): PartReader {
  return new TgzPartReader(
    { path, name: basename(path), format: 'tgz', entries: 0, bytes },
    index,
    limits,
  );
}

class UnpackBudgetExceeded extends Error {}

class TgzPartReader implements PartReader {
  readonly info: PartInfo;
  readonly #index: number;
  readonly #limits: BombLimits;
  /** Entries by their position among the tar headers, kept from the first walk. */
  readonly #entries = new Map<number, TakeoutEntry>();

  constructor(info: PartInfo, index: number, limits: BombLimits) {
    this.info = info;
    this.#index = index;
    this.#limits = limits;
  }

  walk(context: WalkContext): Promise<PartOutcome> {
    const { signal, report } = context;
    const file = createReadStream(this.info.path, { highWaterMark: READ_CHUNK });
    // zlib drops the output of the step that fails, so at most this much before a damage is
    // lost; smaller steps would each cost one more round trip to zlib's thread (64 KiB: ~25 %
    // slower on the benchmark).
    const gunzip = createGunzip({ chunkSize: 256 * 1024 });
    const budget = tgzBudget(this.info.bytes, this.#limits);
    let unpacked = 0;
    let inputEnded = false;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        unpacked += chunk.length;
        if (unpacked > budget) callback(new UnpackBudgetExceeded());
        else callback(null, chunk);
      },
      flush(callback) {
        inputEnded = true;
        callback();
      },
    });
    const extract = tarExtract();
    let ordinal = 0;
    let entriesSeen = 0;
    let fileCount = 0;
    let current = '';
    let currentEntry: TakeoutEntry | null = null;
    /** Whether the current entry's content went by to its end. */
    let currentComplete = true;
    let failure: Failure | null = null;

    return new Promise<PartOutcome>((resolve) => {
      let settled = false;
      const settle = (): void => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        this.info.entries = fileCount;
        resolve({ failed: failure !== null });
      };
      const fail = (kind: Failure): void => {
        if (failure !== null || settled) return;
        failure = entriesSeen === 0 && kind !== 'aborted' && kind !== 'bomb' ? 'unreadable' : kind;
        const name = this.info.name;
        if (failure === 'unreadable') report(takeoutProblem('archive-unreadable', name));
        else if (failure === 'truncated') report(takeoutProblem('archive-truncated', name));
        else if (failure === 'damaged') report(takeoutProblem('archive-damaged', name));
        else if (failure === 'bomb') {
          report(
            takeoutProblem('archive-bomb', name, {
              entry: current,
              ratio: Math.round(unpacked / Math.max(file.bytesRead, 1)),
            }),
          );
        }
        // An entry cut in the middle leaves the tree: nothing will count or copy half a file.
        // (A bomb's entry is the trap itself and is already named.)
        if (currentEntry !== null && !currentComplete && failure !== 'aborted') {
          context.discard(currentEntry);
          if (failure !== 'bomb') report(takeoutProblem('entry-unreadable', currentEntry.path));
        }
        file.destroy();
        gunzip.destroy();
        meter.destroy();
        extract.destroy();
        // Let the entry being read see its stream end before the walk reports back.
        setImmediate(settle);
      };
      const onAbort = (): void => {
        fail('aborted');
      };
      signal?.addEventListener('abort', onAbort, { once: true });

      file.on('data', (chunk) => {
        context.advance(chunk.length, 0);
      });
      file.on('error', () => {
        fail('damaged');
      });
      gunzip.on('error', (error: NodeJS.ErrnoException) => {
        // zlib reports a stream that stops in the middle as Z_BUF_ERROR ("unexpected end of
        // file") — and also garbage that never reaches a final block: both read as "stops in the
        // middle". Z_DATA_ERROR (a bad block, a wrong checksum) is damage.
        fail(error.code === 'Z_BUF_ERROR' ? 'truncated' : 'damaged');
      });
      meter.on('error', (error) => {
        fail(error instanceof UnpackBudgetExceeded ? 'bomb' : 'damaged');
      });
      extract.on('error', () => {
        // tar-stream fails at the end of its input when an entry (or the archive) is incomplete.
        fail(inputEnded ? 'truncated' : 'damaged');
      });
      extract.on('finish', settle);
      extract.on('close', settle);
      extract.on('entry', (header: Header, stream: FlowingSource, next: () => void) => {
        const at = ordinal++;
        this.#entry(
          context,
          at,
          header,
          stream,
          (path, entry) => {
            current = path;
            currentEntry = entry;
            currentComplete = false;
            entriesSeen++;
          },
          () => {
            currentComplete = true;
          },
          () => {
            fileCount++;
          },
        ).then(
          () => {
            if (failure === null) next();
          },
          () => {
            fail('damaged');
          },
        );
      });
      if (signal?.aborted === true) {
        fail('aborted');
        return;
      }
      file.pipe(gunzip).pipe(meter).pipe(extract);
    }).then((outcome) => {
      signal?.throwIfAborted();
      return outcome;
    });
  }

  async #entry(
    context: WalkContext,
    ordinal: number,
    header: Header,
    stream: FlowingSource,
    seen: (path: string, entry: TakeoutEntry | null) => void,
    complete: () => void,
    files: () => void,
  ): Promise<void> {
    const drained = new Promise<void>((resolve) => {
      stream.on('end', resolve);
      stream.on('close', resolve);
    });
    // Complete once every byte the header announced went by (tar-stream's 'end' may come a tick
    // after an error that follows the last byte, such as a wrong checksum in the gzip trailer).
    let received = 0;
    const count = (chunk: unknown): void => {
      received += (chunk as Buffer).length;
      if (received >= header.size) complete();
    };
    if (header.size === 0) complete();
    let counting = false;
    const startCounting = (): void => {
      if (counting) return;
      counting = true;
      stream.on('data', count);
    };
    const type = header.type;
    const rawName = tarName(header);
    const checked = checkEntryPath(
      rawName.name.endsWith('/') ? rawName.name.slice(0, -1) : rawName.name,
    );
    const shown = 'path' in checked ? checked.path : rawName.name;
    const entry = this.#accept(context, ordinal, header, type, rawName, checked);
    const registered = entry === null ? null : context.register(entry);
    seen(shown, registered);
    if (entry !== null) {
      files();
      context.advance(0, 1);
      if (registered !== null && context.visitor.visit(registered)) {
        const content = nodeReadableOf(stream);
        startCounting();
        try {
          await context.visitor.read(registered, content);
        } catch {
          // Damaged data in this entry, or the whole part failing under it (then the part's own
          // problem follows, and this entry is named too since its content was cut).
          if (context.signal?.aborted !== true) {
            context.report(takeoutProblem('entry-unreadable', registered.path));
          }
        } finally {
          content.destroy();
        }
      }
    }
    startCounting();
    stream.resume();
    await drained;
  }

  #accept(
    context: WalkContext,
    ordinal: number,
    header: Header,
    type: Header['type'],
    rawName: { name: string; legacy: boolean },
    checked: ReturnType<typeof checkEntryPath>,
  ): TakeoutEntry | null {
    if (type === 'directory') return null;
    if ('unsafe' in checked) {
      if (checked.unsafe !== 'empty') context.report(takeoutProblem('unsafe-path', rawName.name));
      return null;
    }
    const path = checked.path;
    if (type === 'symlink' || type === 'link') {
      context.report(takeoutProblem('link-entry', path));
      return null;
    }
    if (type !== 'file' && type !== 'contiguous-file') {
      context.report(takeoutProblem('not-a-file', path));
      return null;
    }
    if (rawName.legacy) context.report(takeoutProblem('name-not-utf8', path));
    const known = this.#entries.get(ordinal);
    if (known !== undefined) return known;
    const entry: TakeoutEntry = {
      path,
      size: header.size,
      mtime: paxTime(header) ?? header.mtime,
      part: this.#index,
      open: (signal) => this.#openAt(ordinal, signal),
    };
    this.#entries.set(ordinal, entry);
    return entry;
  }

  /** Reads the part from its start up to the entry, and hands out that entry's content. */
  #openAt(ordinal: number, signal: AbortSignal | undefined): Promise<Readable> {
    signal?.throwIfAborted();
    const file = createReadStream(this.info.path, { highWaterMark: READ_CHUNK });
    const gunzip = createGunzip();
    const extract = tarExtract();
    const stop = (): void => {
      file.destroy();
      gunzip.destroy();
      extract.destroy();
    };
    return new Promise<Readable>((resolve, reject) => {
      let seen = 0;
      let found: Readable | null = null;
      const failed = (error: Error): void => {
        stop();
        if (found === null) reject(error);
        else found.destroy(error);
      };
      file.on('error', failed);
      gunzip.on('error', failed);
      extract.on('error', failed);
      extract.on('finish', () => {
        if (found === null) reject(new Error(`entry ${ordinal} not found in ${this.info.name}`));
      });
      extract.on('entry', (_header: Header, stream: FlowingSource, next: () => void) => {
        if (seen++ !== ordinal) {
          stream.on('end', next);
          stream.resume();
          return;
        }
        found = destroyOnAbort(nodeReadableOf(stream), signal);
        found.once('close', stop);
        stream.on('end', stop);
        resolve(found);
      });
      file.pipe(gunzip).pipe(extract);
    });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * The entry's name. tar has no declared encoding: pax `path` records are UTF-8 (POSIX), plain
 * ustar names are bytes, read here as UTF-8 when they are valid UTF-8 and as Latin-1 otherwise.
 */
function tarName(header: Header): { name: string; legacy: boolean } {
  const pax = paxOf(header)['path'];
  if (pax !== undefined) return { name: pax, legacy: pax.includes('\uFFFD') };
  // tar-stream decoded the name as Latin-1 (filenameEncoding), so each character is one byte.
  const bytes = Buffer.from(header.name, 'latin1');
  try {
    return { name: strictUtf8.decode(bytes), legacy: false };
  } catch {
    return { name: header.name, legacy: true };
  }
}

/** pax `mtime` carries sub-second precision ("1700000000.123"), ustar whole seconds. */
function paxTime(header: Header): Date | null {
  const value = paxOf(header)['mtime'];
  if (value === undefined) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) ? new Date(seconds * 1000) : null;
}

function paxOf(header: Header): Pax {
  const pax = header.pax;
  return typeof pax === 'object' && pax !== null ? (pax as Pax) : {};
}

/**
 * tar-stream's extractor. Its options type (streamx's) does not list `filenameEncoding`: names
 * are read as Latin-1 so their bytes can be recovered and decoded here (see tarName).
 */
function tarExtract(): tar.Extract {
  return tar.extract({ filenameEncoding: 'latin1' } as Parameters<typeof tar.extract>[0]);
}
