// Nextcloud's chunked upload, version 2 (developer manual, "Chunked file upload"), for large
// files: a connection that breaks costs one chunk, not the whole file, and an interrupted run
// continues where it stopped.
//
//   MKCOL  uploads/<user>/<id>              Destination: <target URL>
//   PUT    uploads/<user>/<id>/00001 …      Destination, OC-Total-Length; 5 MB–5 GB each (the last
//                                           may be smaller), named 1–10000, assembled in name order
//   MOVE   uploads/<user>/<id>/.file        Destination, OC-Total-Length, X-OC-Mtime
//
// The upload folder expires after 24 hours without activity. Its id is derived from the target
// and the file's fingerprint, and kept in the journal (SendOptions.saveResume): after a crash,
// the same folder is found again, PROPFIND tells which chunks arrived whole, and only the rest
// is sent. The chunk size is kept with it, so a resumed upload cuts the file the same way.
//
// Not every Nextcloud-like server has the upload area (a WebDAV share laid out like Nextcloud, an
// old or trimmed install, a proxy that refuses MKCOL there): when the area itself answers 404,
// 405, 409 or 501, uploadAreaRefused says so and the sink sends the file in one PUT instead.
import { createHash } from 'node:crypto';
import { DavError } from '../dav/dav-error.ts';
import { withRetry } from '../dav/retry.ts';
import { clark, ns, parseMultistatus, propText } from '../dav/xml.ts';
import { probe } from '../dav/probe.ts';
import type { JsonValue } from '../journal/types.ts';
import type { RemoteState } from '../dav/remote-state.ts';
import type { SendOptions } from '../sink/item-sink.ts';
import { BaluchonError } from '../errors/baluchon-error.ts';
import { ChunkReader } from './chunk-reader.ts';
import { fileFingerprint } from './file-payload.ts';
import type { FilePayload } from './file-payload.ts';
import { checkHash, etagOf, openContent } from './put-file.ts';
import type { UploadContext } from './upload-context.ts';
import { highWaterProgress } from './upload-context.ts';

/** Nextcloud's bounds: chunks of 5 MB to 5 GB, at most 10,000 of them. */
export const minChunkBytes = 5 * 1024 * 1024;
const maxChunks = 10_000;

export interface ChunkingOptions {
  /** `…/remote.php/dav/uploads/<user>/`. */
  readonly uploadsRoot: string;
  /**
   * Bytes per chunk (default 10 MiB, what Nextcloud's own web page sends: a host's proxy lets
   * requests that large through, or its web page would not work either).
   */
  readonly chunkBytes?: number;
  /** Files larger than this go in chunks (default: one chunk's size). */
  readonly thresholdBytes?: number;
}

/** Where a Nextcloud account's chunked uploads go, from its files root; null elsewhere. */
export function nextcloudUploadsRoot(filesRoot: string): string | null {
  const match = /^(.*\/remote\.php\/dav\/)files\/([^/]+)\/?$/.exec(filesRoot);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  return `${match[1]}uploads/${match[2]}/`;
}

/** Statuses by which a server says it has no chunked-upload area, or will not use it. */
const noUploadAreaStatuses: ReadonlySet<number> = new Set([404, 405, 409, 501]);

/**
 * Whether an error from uploadChunked means the server has no usable upload area: a request to
 * the upload folder (MKCOL, PROPFIND, a chunk's PUT) refused as absent or not allowed. The final
 * MOVE is not counted: its refusals are about the target (a 409 is a missing parent folder),
 * and a plain PUT would meet them too.
 */
export function uploadAreaRefused(error: unknown, uploadsRoot: string): boolean {
  if (!(error instanceof DavError) || error.status === undefined) return false;
  if (!noUploadAreaStatuses.has(error.status)) return false;
  const method = error.details?.['method'];
  const url = error.details?.['url'];
  return method !== 'MOVE' && typeof url === 'string' && url.startsWith(uploadsRoot);
}

interface Resume {
  readonly uploadId: string;
  readonly chunkBytes: number;
  readonly size: number;
}

export async function uploadChunked(
  ctx: UploadContext,
  url: string,
  payload: FilePayload,
  options: SendOptions,
  chunking: ChunkingOptions,
): Promise<RemoteState> {
  const { signal } = options;
  const size = payload.size;
  const saved = parseResume(options.resume?.() ?? null, size);
  const chunkBytes =
    saved?.chunkBytes ??
    Math.max(minChunkBytes, chunking.chunkBytes ?? 10 * 1024 * 1024, Math.ceil(size / maxChunks));
  const uploadId =
    saved?.uploadId ??
    `baluchon-${createHash('sha256')
      .update(`${url}\n${fileFingerprint(size, payload.mtime)}\n${chunkBytes}`)
      .digest('hex')
      .slice(0, 32)}`;
  const folder = `${chunking.uploadsRoot}${uploadId}/`;
  options.saveResume?.({ uploadId, chunkBytes, size });
  const common = { destination: url, 'oc-total-length': String(size) };

  try {
    const made = await ctx.client.request('MKCOL', folder, { headers: common, signal });
    await made.response.dump();
  } catch (error) {
    // 405: the folder is there already, from an interrupted attempt.
    if (!(error instanceof DavError && error.code === 'dav.not-allowed')) throw error;
  }
  const count = Math.max(1, Math.ceil(size / chunkBytes));
  const done = await chunksAlreadyThere(ctx, folder, common, size, chunkBytes, signal);

  const progress = highWaterProgress(options.onBytes);
  progress(Math.min(size, done * chunkBytes));
  // The reader in use, kept from chunk to chunk; dropped when a chunk fails half-way.
  const current: { reader: ChunkReader | null } = { reader: null };
  const readerAt = async (start: number): Promise<ChunkReader> => {
    if (current.reader !== null && current.reader.position === start) return current.reader;
    current.reader?.close();
    current.reader = null;
    const fresh = new ChunkReader(await openContent(payload, signal), size);
    current.reader = fresh;
    await fresh.skip(start);
    return fresh;
  };
  try {
    for (let number = done + 1; number <= count; number++) {
      const start = (number - 1) * chunkBytes;
      const length = Math.min(chunkBytes, size - start);
      await withRetry(
        async () => {
          const chunkReader = await readerAt(start);
          let sentInChunk = 0;
          const body = chunkReader.slice(length, (bytes) => {
            sentInChunk += bytes;
            progress(start + sentInChunk);
          });
          try {
            const answer = await ctx.client.request('PUT', `${folder}${chunkName(number)}`, {
              headers: {
                ...common,
                'content-type': 'application/octet-stream',
                'content-length': String(length),
              },
              body: () => body,
              signal,
              retry: false,
            });
            await answer.response.dump();
          } catch (error) {
            body.destroy();
            const failure = chunkReader.failure;
            chunkReader.close();
            current.reader = null;
            if (failure !== null && !signal.aborted) {
              throw new BaluchonError('files.source-unreadable', { detail: failure });
            }
            throw error;
          }
        },
        ctx.retry,
        ctx.retryPolicy,
        signal,
      );
    }
    // The whole file's hash, for the server's to be compared with: chunks sent by an earlier
    // run were skipped, but their bytes went through the reader all the same.
    let digest: string | null = null;
    if (current.reader?.position === size || ctx.checksum) {
      const last = await readerAt(size);
      await last.finish();
      digest = last.digest();
    }

    const answer = await assemble(ctx, folder, url, payload, options, common);
    await checkHash(ctx, url, answer.headers, digest, signal);
    await ctx.dates.settle(url, payload.mtime, answer.headers, signal);
    return { etag: etagOf(answer.headers), size };
  } finally {
    current.reader?.close();
  }
}

/** `00001`…`10000`: names that sort in upload order, as the manual recommends. */
function chunkName(number: number): string {
  return String(number).padStart(5, '0');
}

/**
 * How many chunks, from the first, are already there whole (a chunk cut short by a broken
 * connection, or one after a gap, is sent again). A missing folder (expired) means none.
 */
async function chunksAlreadyThere(
  ctx: UploadContext,
  folder: string,
  common: Record<string, string>,
  size: number,
  chunkBytes: number,
  signal: AbortSignal,
): Promise<number> {
  let sizes: Map<number, number>;
  try {
    const answer = await ctx.client.request('PROPFIND', folder, {
      headers: { ...common, depth: '1', 'content-type': 'application/xml; charset=utf-8' },
      body: `<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:getcontentlength/></d:prop></d:propfind>`,
      signal,
    });
    const text = await answer.response.text();
    sizes = new Map();
    for (const entry of parseMultistatus(text, answer.url)) {
      const name = decodeURIComponent(new URL(entry.url).pathname.split('/').pop() ?? '');
      const length = propText(entry, clark(ns.dav, 'getcontentlength'));
      if (/^\d{1,5}$/.test(name) && length !== undefined && /^\d+$/.test(length)) {
        sizes.set(Number(name), Number(length));
      }
    }
  } catch (error) {
    if (error instanceof DavError && error.code === 'dav.not-found') return 0;
    throw error;
  }
  let done = 0;
  for (let number = 1; ; number++) {
    const expected = Math.min(chunkBytes, size - (number - 1) * chunkBytes);
    if (expected <= 0 || sizes.get(number) !== expected) break;
    done = number;
  }
  return done;
}

/**
 * The final MOVE, which the server turns into the file. It is not repeatable as it is: when its
 * answer is lost, the file may already be in place and the upload folder gone. So a failed
 * MOVE looks at the target before trying again, and an update checks the engine's condition
 * itself (Nextcloud applies If-Match to the upload folder, not to the target).
 */
async function assemble(
  ctx: UploadContext,
  folder: string,
  url: string,
  payload: FilePayload,
  options: SendOptions,
  common: Record<string, string>,
): Promise<{ headers: Record<string, string> }> {
  const { signal } = options;
  if (!options.create && options.ifMatch !== null && !options.ifMatch.startsWith('W/')) {
    const current = await statTarget(ctx, url, signal);
    if (current !== null && current.etag !== options.ifMatch) {
      throw new DavError('dav.precondition-failed', { method: 'MOVE', url, status: 412 });
    }
  }
  const headers = {
    ...common,
    ...ctx.dates.headers(payload.mtime),
    ...(ctx.checksum ? { 'x-hash': 'sha256' } : {}),
    // RFC 4918 §10.6: "F" makes an existing target a 412, the MOVE form of If-None-Match: *.
    overwrite: options.create ? 'F' : 'T',
  };
  let attempt = 0;
  return withRetry(
    async () => {
      if (attempt++ > 0) {
        const there = await statTarget(ctx, url, signal);
        if (
          there !== null &&
          there.size === payload.size &&
          !(await uploadFolderExists(ctx, folder, common, signal))
        ) {
          return { headers: there.etag === null ? {} : { etag: there.etag } };
        }
      }
      const answer = await ctx.client.request('MOVE', `${folder}.file`, {
        headers,
        signal,
        retry: false,
      });
      await answer.response.dump();
      return { headers: answer.headers };
    },
    ctx.retry,
    ctx.retryPolicy,
    signal,
  );
}

async function statTarget(
  ctx: UploadContext,
  url: string,
  signal: AbortSignal,
): Promise<RemoteState | null> {
  return probe(ctx.client, url, signal);
}

/** Whether the upload folder is still there (asked with the Destination v2 wants on every request). */
async function uploadFolderExists(
  ctx: UploadContext,
  folder: string,
  common: Record<string, string>,
  signal: AbortSignal,
): Promise<boolean> {
  try {
    const answer = await ctx.client.request('PROPFIND', folder, {
      headers: { ...common, depth: '0', 'content-type': 'application/xml; charset=utf-8' },
      body: `<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/></d:prop></d:propfind>`,
      signal,
    });
    await answer.response.dump();
    return true;
  } catch (error) {
    if (error instanceof DavError && error.code === 'dav.not-found') return false;
    throw error;
  }
}

function parseResume(value: JsonValue | null, size: number): Resume | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const record = value as Record<string, JsonValue>;
  const { uploadId, chunkBytes } = record;
  if (typeof uploadId !== 'string' || !/^[\w-]{1,64}$/.test(uploadId)) return null;
  if (typeof chunkBytes !== 'number' || !Number.isInteger(chunkBytes) || chunkBytes <= 0) {
    return null;
  }
  if (record['size'] !== size) return null;
  return { uploadId, chunkBytes, size };
}
