// One GET with everything a crawl of strangers' servers needs: a time limit, the caller's
// AbortSignal, a size limit enforced while reading (a huge or endless body is cut, not
// buffered), conditional requests (ETag / Last-Modified) and https only outside tests.
// The app passes the global fetch (undici) as FetchLike.
import type { FetchLike } from '../../net/fetch-like.ts';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  /** Tests serve fixtures on loopback http; the app allows https only. */
  allowHttp?: boolean;
  userAgent?: string;
}

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FetchOutcome =
  | { kind: 'ok'; bytes: Uint8Array; validators: Validators }
  | { kind: 'not-modified' }
  | { kind: 'failed'; reason: 'status'; status: number }
  | { kind: 'failed'; reason: 'too-large' | 'timeout' | 'network' | 'not-https' };

// A function, so that the type checker does not keep an `aborted` it saw before an await.
const isAborted = (signal: AbortSignal): boolean => signal.aborted;

export class FetchCancelled extends Error {
  override readonly name = 'AbortError';
}

export async function fetchLimited(
  fetch: FetchLike,
  url: string,
  limits: FetchLimits,
  signal: AbortSignal,
  validators: Validators = {},
): Promise<FetchOutcome> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'failed', reason: 'network' };
  }
  if (parsed.protocol !== 'https:' && !(limits.allowHttp === true && parsed.protocol === 'http:')) {
    return { kind: 'failed', reason: 'not-https' };
  }
  if (signal.aborted) throw new FetchCancelled();
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const both = AbortSignal.any([signal, timeout]);
  const headers: Record<string, string> = { accept: 'text/plain, */*;q=0.5' };
  if (limits.userAgent !== undefined) headers['user-agent'] = limits.userAgent;
  if (validators.etag !== undefined) headers['if-none-match'] = validators.etag;
  if (validators.lastModified !== undefined) headers['if-modified-since'] = validators.lastModified;
  try {
    const response = await fetch(url, { headers, signal: both, redirect: 'follow' });
    // A redirect may not lead from https to plain http.
    const landed = response.url === '' ? parsed : new URL(response.url);
    if (
      landed.protocol !== 'https:' &&
      !(limits.allowHttp === true && landed.protocol === 'http:')
    ) {
      await response.body?.cancel();
      return { kind: 'failed', reason: 'not-https' };
    }
    if (response.status === 304) {
      await response.body?.cancel();
      return { kind: 'not-modified' };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { kind: 'failed', reason: 'status', status: response.status };
    }
    const declared = Number(response.headers.get('content-length') ?? 'NaN');
    if (declared > limits.maxBytes) {
      await response.body?.cancel();
      return { kind: 'failed', reason: 'too-large' };
    }
    const read = await readCapped(response.body, limits.maxBytes);
    if (read === 'too-large') return { kind: 'failed', reason: 'too-large' };
    const bytes = read;
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    return {
      kind: 'ok',
      bytes,
      validators: {
        ...(etag === null ? {} : { etag }),
        ...(lastModified === null ? {} : { lastModified }),
      },
    };
  } catch {
    if (isAborted(signal)) throw new FetchCancelled();
    if (isAborted(timeout)) return { kind: 'failed', reason: 'timeout' };
    return { kind: 'failed', reason: 'network' };
  }
}

/**
 * Reads a body whole, stopping as soon as it passes `maxBytes`: at most `maxBytes` plus one
 * chunk is ever held, however large (or endless) the answer. The rest is cancelled, not read.
 */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array | 'too-large'> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (body !== null) {
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        return 'too-large';
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Runs `work` over `items` with at most `limit` at a time, in order of the items. */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
