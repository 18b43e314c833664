// How yauzl reads a zip file. Its own file reader asks the disk for every central directory
// record separately (two small reads per entry): 20,000 files meant 40,000 asynchronous reads and
// half a second or more before the first entry could be looked at. This reader serves those small
// reads from a read-ahead window: 1 MiB (thousands of records) once reads follow one another, a
// few kilobytes for a lone read such as a local header. Entry contents stream from the file.
import { close, read } from 'node:fs';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';

const WINDOW_BYTES = 1024 * 1024;
/** A lone read (a local header before its entry is streamed) only fetches a little around it. */
const SMALL_READ_BYTES = 4096;
const STREAM_CHUNK = 256 * 1024;

export class ReadAheadZipReader extends yauzl.RandomAccessReader {
  readonly #fd: number;
  readonly #size: number;
  #window: Buffer = Buffer.alloc(0);
  #windowStart = 0;
  /** Where the previous read ended: reads that follow on are the directory being walked. */
  #lastEnd = -1;

  constructor(fd: number, size: number) {
    super();
    this.#fd = fd;
    this.#size = size;
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return new RangeStream(this.#fd, start, end);
  }

  override read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: (error: Error | null, bytesRead?: number) => void,
  ): void {
    const inWindow = position - this.#windowStart;
    const sequential = position === this.#lastEnd;
    this.#lastEnd = position + length;
    if (inWindow >= 0 && inWindow + length <= this.#window.length) {
      this.#window.copy(buffer, offset, inWindow, inWindow + length);
      process.nextTick(callback, null, length);
      return;
    }
    const ahead = sequential ? WINDOW_BYTES : SMALL_READ_BYTES;
    const size = Math.min(Math.max(ahead, length), this.#size - position);
    if (size < length) {
      process.nextTick(callback, null, Math.max(0, size));
      return;
    }
    const window = Buffer.allocUnsafe(size);
    read(this.#fd, window, 0, size, position, (error, bytesRead) => {
      if (error !== null) {
        callback(error);
        return;
      }
      this.#window = window.subarray(0, bytesRead);
      this.#windowStart = position;
      const copied = Math.min(length, bytesRead);
      this.#window.copy(buffer, offset, 0, copied);
      callback(null, copied);
    });
  }

  override close(callback: (error: Error | null) => void): void {
    close(this.#fd, callback);
  }
}

/**
 * Bytes [start, end) of the file, read at their positions. Not fs.createReadStream over the shared
 * descriptor: destroying such a stream closes the descriptor (whatever `autoClose` says), and
 * yauzl destroys an entry's stream when its reader stops early.
 */
class RangeStream extends Readable {
  readonly #fd: number;
  #position: number;
  readonly #end: number;

  constructor(fd: number, start: number, end: number) {
    super({ highWaterMark: STREAM_CHUNK });
    this.#fd = fd;
    this.#position = start;
    this.#end = end;
  }

  override _read(): void {
    const length = Math.min(STREAM_CHUNK, this.#end - this.#position);
    if (length <= 0) {
      this.push(null);
      return;
    }
    const chunk = Buffer.allocUnsafe(length);
    read(this.#fd, chunk, 0, length, this.#position, (error, bytesRead) => {
      if (this.destroyed) return;
      if (error !== null) this.destroy(error);
      else if (bytesRead === 0) this.destroy(new Error('unexpected end of the zip file'));
      else {
        this.#position += bytesRead;
        this.push(chunk.subarray(0, bytesRead));
      }
    });
  }
}
