// One pass over a large file's content, cut into the consecutive pieces a chunked upload sends:
// each piece is a stream of exactly its length, read from the source only as the upload takes
// it (never a whole chunk in memory). A piece that fails leaves the reader in an unknown place:
// the caller opens the source again and skips to the piece's start.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { BaluchonError } from '../errors/baluchon-error.ts';

export class ChunkReader {
  readonly #chunks: AsyncIterator<unknown>;
  readonly #source: Readable;
  readonly #hash = createHash('sha256');
  readonly #size: number;
  #leftover: Buffer | null = null;
  #position = 0;
  #failure: string | null = null;

  /** `size`: the whole file's declared size; the source must give exactly that. */
  constructor(source: Readable, size: number) {
    this.#source = source;
    this.#chunks = source[Symbol.asyncIterator]();
    this.#size = size;
  }

  /** Bytes taken from the source so far. */
  get position(): number {
    return this.#position;
  }

  /** What went wrong with the source (damaged, too short, too long), or null. */
  get failure(): string | null {
    return this.#failure;
  }

  /** SHA-256 of the whole content, once every byte went through (hex). */
  digest(): string {
    return this.#hash.copy().digest('hex');
  }

  /** Reads and drops `length` bytes (they still count in the digest). */
  async skip(length: number): Promise<void> {
    let left = length;
    while (left > 0) {
      const piece = await this.#take(left);
      left -= piece.length;
    }
  }

  /** The next `length` bytes as a stream; `onBytes` sees them leave. */
  slice(length: number, onBytes?: (bytes: number) => void): Readable {
    let left = length;
    const stream: Readable = new Readable({
      // read() is not called again before push(): one take at a time.
      read: () => {
        if (left === 0) {
          stream.push(null);
          return;
        }
        this.#take(Math.min(left, 256 * 1024)).then(
          (piece) => {
            left -= piece.length;
            onBytes?.(piece.length);
            stream.push(piece);
          },
          (error: unknown) => stream.destroy(error as Error),
        );
      },
    });
    return stream;
  }

  /** After the last piece: the source must end there, not hold more than declared. */
  async finish(): Promise<void> {
    if (this.#leftover !== null && this.#leftover.length > 0) {
      throw this.#fail(`more than the ${this.#size} bytes declared`);
    }
    for (;;) {
      let next: IteratorResult<unknown>;
      try {
        next = await this.#chunks.next();
      } catch (error) {
        throw this.#fail(error instanceof Error ? error.message : String(error));
      }
      if (next.done === true) return;
      if ((next.value as Buffer).length > 0) {
        throw this.#fail(`more than the ${this.#size} bytes declared`);
      }
    }
  }

  /** Lets go of the source. */
  close(): void {
    this.#source.destroy();
  }

  /** Up to `max` bytes from the source (at least one), or a failure if it ends too soon. */
  async #take(max: number): Promise<Buffer> {
    let piece = this.#leftover;
    this.#leftover = null;
    if (piece === null) {
      let next: IteratorResult<unknown>;
      try {
        next = await this.#chunks.next();
      } catch (error) {
        throw this.#fail(error instanceof Error ? error.message : String(error));
      }
      if (next.done === true) {
        throw this.#fail(`${this.#position} bytes instead of the ${this.#size} declared`);
      }
      piece = next.value as Buffer;
    }
    if (piece.length > max) {
      this.#leftover = piece.subarray(max);
      piece = piece.subarray(0, max);
    }
    this.#position += piece.length;
    if (this.#position > this.#size) {
      throw this.#fail(`more than the ${this.#size} bytes declared`);
    }
    this.#hash.update(piece);
    return piece;
  }

  #fail(detail: string): BaluchonError {
    this.#failure ??= detail;
    return new BaluchonError('files.source-unreadable', { detail });
  }
}
