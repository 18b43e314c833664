// One file in one PUT, streamed from the archive to the server: Content-Length is the size the
// archive declares (a chunked request body is badly handled behind some PHP front ends, and a
// known length lets the server refuse an over-quota file before it arrives), the create or
// update condition the engine asks for, the modification time, and the server's hash of what it
// received when it can give one. Retries (network, 503, 429, 423) open the content again.
import type { Readable } from 'node:stream';
import type { DavResponse } from '../dav/dav-client.ts';
import { DavError } from '../dav/dav-error.ts';
import { withRetry } from '../dav/retry.ts';
import type { RemoteState } from '../dav/remote-state.ts';
import type { SendOptions } from '../sink/item-sink.ts';
import { BaluchonError } from '../errors/baluchon-error.ts';
import type { FilePayload } from './file-payload.ts';
import { uploadBody } from './upload-body.ts';
import type { UploadContext } from './upload-context.ts';
import { highWaterProgress } from './upload-context.ts';

export async function putFile(
  ctx: UploadContext,
  url: string,
  payload: FilePayload,
  options: SendOptions,
): Promise<RemoteState> {
  const { signal } = options;
  const progress = highWaterProgress(options.onBytes);
  const headers: Record<string, string> = {
    'content-type': 'application/octet-stream',
    'content-length': String(payload.size),
    ...ctx.dates.headers(payload.mtime),
    ...conditionHeaders(options),
    ...(ctx.checksum ? { 'x-hash': 'sha256' } : {}),
  };
  const sent = await withRetry(
    async () => {
      const source = await openContent(payload, signal);
      let position = 0;
      const body = uploadBody(source, {
        size: payload.size,
        sha256: ctx.checksum,
        onBytes: (bytes) => {
          position += bytes;
          progress(position);
        },
      });
      let answer: DavResponse;
      try {
        answer = await ctx.client.request('PUT', url, {
          headers,
          body: () => body.stream,
          signal,
          retry: false,
        });
      } catch (error) {
        const failure = body.sourceFailure();
        body.stream.destroy();
        if (failure !== null && !signal.aborted) {
          throw new BaluchonError('files.source-unreadable', { detail: failure.detail });
        }
        throw error;
      }
      await answer.response.dump();
      return { answer, sha256: body.sha256() };
    },
    ctx.retry,
    ctx.retryPolicy,
    signal,
  );
  await checkHash(ctx, url, sent.answer.headers, sent.sha256, signal);
  await ctx.dates.settle(url, payload.mtime, sent.answer.headers, signal);
  return { etag: etagOf(sent.answer.headers), size: payload.size };
}

/**
 * The engine's condition as headers. Apache's ETags are weak for a second after a write, and a
 * weak tag never matches If-Match (RFC 9110 §13.1.1, strong comparison): in the folder
 * Baluchon made, such a tag only names our own write of a moment ago, so the update goes
 * without the condition rather than failing for ever.
 */
export function conditionHeaders(
  options: Pick<SendOptions, 'create' | 'ifMatch'>,
): Record<string, string> {
  if (options.create) return { 'if-none-match': '*' };
  if (options.ifMatch !== null && !options.ifMatch.startsWith('W/')) {
    return { 'if-match': options.ifMatch };
  }
  return {};
}

/** The server's tag for what it now holds: Nextcloud also sends it as OC-ETag. */
export function etagOf(headers: Record<string, string>): string | null {
  return headers['etag'] ?? headers['oc-etag'] ?? null;
}

/**
 * Opens the content for one attempt. The archive reader ties the stream to the signal it is
 * given, and the zip reader never unties it (src/takeout/zip-part.ts adds an abort listener it
 * does not remove): on the run's own signal, every file of the run would stay referenced until
 * the end, stream and buffers included. So each attempt gets a signal of its own, which follows
 * the run's and is let go with the stream.
 */
export async function openContent(payload: FilePayload, signal: AbortSignal): Promise<Readable> {
  signal.throwIfAborted();
  const attempt = new AbortController();
  const follow = (): void => {
    attempt.abort(signal.reason);
  };
  signal.addEventListener('abort', follow, { once: true });
  try {
    const stream = await payload.content.open(attempt.signal);
    stream.once('close', () => {
      signal.removeEventListener('abort', follow);
    });
    return stream;
  } catch (error) {
    signal.removeEventListener('abort', follow);
    if (signal.aborted) throw error;
    throw new BaluchonError('files.source-unreadable', {
      detail: error instanceof Error ? error.message : String(error),
    });
  }
}

/**
 * Nextcloud hashes what it received when asked (`X-Hash: sha256` → `X-Hash-SHA256`): a match
 * proves the bytes arrived intact. A mismatch removes the damaged copy (so that a later run
 * cannot take it for ours) and fails the file. No hash: size only, counted for the report.
 */
export async function checkHash(
  ctx: UploadContext,
  url: string,
  headers: Record<string, string>,
  ours: string | null,
  signal: AbortSignal,
): Promise<void> {
  if (!ctx.checksum) return;
  const theirs = headers['x-hash-sha256']?.toLowerCase();
  if (theirs === undefined || ours === null) {
    ctx.checksums.sizeOnly++;
    return;
  }
  if (theirs === ours) {
    ctx.checksums.checked++;
    return;
  }
  const etag = etagOf(headers);
  try {
    await ctx.client.delete(url, { ...(etag === null ? {} : { ifMatch: etag }), signal });
  } catch (error) {
    if (!(error instanceof DavError)) throw error;
  }
  throw new BaluchonError('files.checksum-mismatch', { expected: ours, found: theirs });
}
