// The body of an upload: the archive entry's bytes on their way to the server, counted (for the
// progress bar and to send exactly the declared size), hashed when the server can check the hash,
// and with the source's own failures kept apart from the network's: a file damaged in the
// archive is not a "connection problem", and retrying it cannot help.
import { createHash } from 'node:crypto';
import type { Hash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { BaluchonError } from '../errors/baluchon-error.ts';

export interface BodyOptions {
  /** Exactly this many bytes must come out of the source (the Content-Length sent). */
  readonly size: number;
  /** Bytes to read and drop first (to continue a chunked upload where it stopped). */
  readonly skip?: number;
  readonly sha256?: boolean;
  readonly onBytes?: (bytes: number) => void;
}

/** What went wrong on the archive's side, if anything. */
export class SourceFailure {
  constructor(readonly detail: string) {}
}

export interface UploadBody {
  readonly stream: Readable;
  /** Set when the source failed (damaged data, wrong length), as opposed to the network. */
  sourceFailure(): SourceFailure | null;
  /** The SHA-256 of what was sent, once all of it was (hex). */
  sha256(): string | null;
  sent(): number;
}

export function uploadBody(source: Readable, options: BodyOptions): UploadBody {
  let failure: SourceFailure | null = null;
  let sent = 0;
  let toSkip = options.skip ?? 0;
  const hash: Hash | null = options.sha256 === true ? createHash('sha256') : null;
  let digest: string | null = null;
  const fail = (detail: string): Error => {
    failure ??= new SourceFailure(detail);
    return new BaluchonError('files.source-unreadable', { detail });
  };
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      let data = chunk;
      if (toSkip > 0) {
        const dropped = Math.min(toSkip, data.length);
        toSkip -= dropped;
        data = data.subarray(dropped);
        if (data.length === 0) {
          callback();
          return;
        }
      }
      if (sent + data.length > options.size) {
        callback(fail(`more than the ${options.size} bytes declared`));
        return;
      }
      sent += data.length;
      hash?.update(data);
      options.onBytes?.(data.length);
      callback(null, data);
    },
    flush(callback) {
      if (sent !== options.size || toSkip > 0) {
        callback(fail(`${sent} bytes instead of the ${options.size} declared`));
        return;
      }
      if (hash !== null) digest = hash.digest('hex');
      callback();
    },
  });
  source.on('error', (error: unknown) => {
    meter.destroy(fail(error instanceof Error ? error.message : String(error)));
  });
  // If the upload stops (the server answered early, the connection broke), stop reading.
  meter.on('close', () => {
    if (!source.destroyed) source.destroy();
  });
  source.pipe(meter);
  return {
    stream: meter,
    sourceFailure: () => failure,
    sha256: () => digest,
    sent: () => sent,
  };
}
