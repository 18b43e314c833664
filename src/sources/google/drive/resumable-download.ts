// A stored file's bytes (files.get alt=media) as one stream that survives a dropped connection:
// when Google's answer stops before the end, the rest is asked with `Range: bytes=<done>-`
// (RFC 9110 §14.2) and must come back as 206 starting exactly there (§15.3.7, Content-Range),
// so a long video cut at 90 % is not downloaded again from its start. A server that ignores the
// Range and answers 200 with the whole file is refused rather than followed: appending its
// bytes would corrupt the file. Google's md5Checksum, when it gave one, is checked as the bytes
// pass (hashing costs far less than the network): a mismatch fails the stream before it ends,
// so the engine never takes a damaged copy as done (upload-body.ts turns a source's error into
// the file's failure, retried on the next run).
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { ReadableStream as WebReadableStream } from 'node:stream/web';

export interface RangeAnswer {
  readonly status: number;
  /** The Content-Range header of a 206, or null. */
  readonly contentRange: string | null;
  readonly body: Readable;
}

export interface ResumableOptions {
  /** Asks for the bytes from `offset` on (0: the whole file, without a Range header). */
  readonly fetchFrom: (offset: number, signal: AbortSignal) => Promise<RangeAnswer>;
  readonly size: number;
  readonly md5: string | null;
  /** How many times a dropped download is taken up again before the file fails. */
  readonly maxResumes?: number;
}

export async function openResumable(
  options: ResumableOptions,
  signal: AbortSignal,
): Promise<Readable> {
  const first = await options.fetchFrom(0, signal);
  if (first.status !== 200) {
    first.body.destroy();
    throw new Error(`Google answered ${first.status} instead of the file`);
  }
  const out = new PassThrough();
  const hash = options.md5 === null ? null : createHash('md5');
  const maxResumes = options.maxResumes ?? 5;
  void (async () => {
    let done = 0;
    let resumes = 0;
    let body: Readable | null = first.body;
    for (;;) {
      if (body === null) {
        const answer = await options.fetchFrom(done, signal);
        if (answer.status !== 206 || rangeStart(answer.contentRange) !== done) {
          answer.body.destroy();
          throw new Error(
            `Google did not take up the download at byte ${done} (answered ${answer.status})`,
          );
        }
        body = answer.body;
      }
      try {
        for await (const chunk of body) {
          const data = chunk as Buffer;
          hash?.update(data);
          done += data.length;
          if (!out.write(data)) await drained(out, signal);
          if (out.destroyed) {
            body.destroy();
            return;
          }
        }
      } catch (error) {
        if (signal.aborted || out.destroyed) throw error;
      }
      if (done >= options.size) break;
      // The answer ended (or broke) before the whole file: take it up where it stopped.
      resumes++;
      if (resumes > maxResumes) {
        throw new Error(`Google's download stopped ${resumes} times, at byte ${done}`);
      }
      body = null;
    }
    if (done !== options.size) {
      throw new Error(`Google gave ${done} bytes instead of ${options.size}`);
    }
    const digest = hash?.digest('hex') ?? null;
    if (digest !== null && digest !== options.md5?.toLowerCase()) {
      throw new Error(`the file's MD5 is ${digest}, Google said ${options.md5 ?? ''}`);
    }
    out.end();
  })().catch((error: unknown) => {
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return out;
}

/** Waits until `out` takes more, or is closed by its reader (the engine stopped the upload). */
async function drained(out: PassThrough, signal: AbortSignal): Promise<void> {
  const controller = new AbortController();
  const stop = (): void => {
    controller.abort();
  };
  signal.addEventListener('abort', stop, { once: true });
  // The one that loses the race rejects when the controller aborts: that rejection is expected.
  const waits = [
    once(out, 'drain', { signal: controller.signal }),
    once(out, 'close', { signal: controller.signal }),
  ];
  for (const wait of waits) wait.catch(() => undefined);
  try {
    await Promise.race(waits);
  } finally {
    controller.abort();
    signal.removeEventListener('abort', stop);
  }
}

/** The first byte a `Content-Range: bytes 100-199/200` answer holds, or null. */
function rangeStart(contentRange: string | null): number | null {
  const match = /^bytes (\d+)-\d+\/(?:\d+|\*)$/.exec(contentRange?.trim() ?? '');
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** Gaxios hands a Node stream (node-fetch) or, with the global fetch, a web stream. */
export function nodeReadable(data: unknown): Readable {
  if (data instanceof Readable) return data;
  if (data instanceof WebReadableStream) return Readable.fromWeb(data);
  throw new Error('Google answered without a body');
}
