// Google's cards point at their photo (`PHOTO:https://lh3.googleusercontent.com/contacts/…`)
// instead of holding it. The link dies with the Google account and leaks a request to Google
// each time a client shows the contact, so the photo is downloaded now and embedded:
// `PHOTO;ENCODING=b;TYPE=JPEG:…` in vCard 3.0 (RFC 2426 §3.1.4; to-vcard4.ts makes it a data:
// URI for 4.0). Only Google's photo servers are ever asked, over https, each redirect checked
// again (photo-hosts.ts), with a time limit and a size limit. A photo that cannot be had is
// dropped from the card — the contact still goes — and reported by name.
import type ICAL from 'ical.js';
import type { FetchLike } from '../net/fetch-like.ts';
import { isGooglePhotoAddress } from './photo-hosts.ts';

/** The part of `fetch` used here, so tests and the service can pass their own (undici, a fake). */
export interface PhotoOptions {
  readonly fetch: FetchLike;
  /** Per photo, redirects included. Default 15 s. */
  readonly timeoutMs?: number;
  /** Default 5 MB: Google serves contact photos of a few dozen kB. */
  readonly maxBytes?: number;
  /** The run's cancellation; aborting it stops the download and the run (never a "problem"). */
  readonly signal?: AbortSignal;
}

export type PhotoFailure = 'refused' | 'unreachable';

const MAX_REDIRECTS = 3;

const SIGNATURES: readonly [string, readonly number[]][] = [
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
];

/** What the bytes are (the Content-Type may lie or be missing): JPEG, PNG, GIF or WEBP. */
export function imageType(bytes: Uint8Array): string | undefined {
  for (const [type, signature] of SIGNATURES) {
    if (signature.every((byte, index) => bytes[index] === byte)) return type;
  }
  const riff = String.fromCharCode(...bytes.subarray(0, 4));
  const webp = String.fromCharCode(...bytes.subarray(8, 12));
  return riff === 'RIFF' && webp === 'WEBP' ? 'WEBP' : undefined;
}

class PhotoError extends Error {
  constructor(readonly failure: PhotoFailure) {
    super(failure);
  }
}

async function readLimited(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw new PhotoError('unreachable');
  if (!response.body) throw new PhotoError('unreachable');
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new PhotoError('unreachable');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Downloads one photo from Google's photo servers only; the image bytes and their type. */
export async function fetchPhoto(
  url: string,
  options: PhotoOptions,
): Promise<{ bytes: Uint8Array; type: string }> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 15_000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    let target: URL;
    try {
      target = new URL(current);
    } catch {
      throw new PhotoError('refused');
    }
    if (!isGooglePhotoAddress(target)) throw new PhotoError('refused');
    let response: Response;
    try {
      response = await options.fetch(target.href, { signal, redirect: 'manual' });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new PhotoError('unreachable');
    }
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get('location');
      await response.body?.cancel();
      if (!location) throw new PhotoError('unreachable');
      current = new URL(location, target).href;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new PhotoError('unreachable');
    }
    let bytes: Uint8Array;
    try {
      bytes = await readLimited(response, options.maxBytes ?? 5_000_000);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw error instanceof PhotoError ? error : new PhotoError('unreachable');
    }
    const type = imageType(bytes);
    if (!type) throw new PhotoError('unreachable');
    return { bytes, type };
  }
  throw new PhotoError('unreachable');
}

function remoteUrl(photo: ICAL.Property): string | undefined {
  const encoding = photo.getFirstParameter('encoding') as string | undefined;
  const value: unknown = photo.jCal[3];
  if (encoding !== undefined || typeof value !== 'string') return undefined;
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim()) ? value.trim() : undefined;
}

/**
 * Embeds every remote PHOTO of the card (vCard 3.0 form), in place. Without `options` (offline),
 * remote photos are dropped. Returns one failure per photo that could not be embedded.
 */
export async function embedPhotos(
  card: ICAL.Component,
  options: PhotoOptions | undefined,
): Promise<PhotoFailure[]> {
  const failures: PhotoFailure[] = [];
  for (const photo of card.getAllProperties('photo')) {
    const url = remoteUrl(photo);
    if (url === undefined) continue;
    try {
      // Checked before anything else, offline too: the note says why the photo stayed behind.
      if (!URL.canParse(url) || !isGooglePhotoAddress(new URL(url))) {
        throw new PhotoError('refused');
      }
      if (!options) throw new PhotoError('unreachable');
      const { bytes, type } = await fetchPhoto(url, options);
      photo.jCal[1] = { ...(photo.jCal[1] as object), encoding: 'b', type };
      photo.jCal[2] = 'binary';
      photo.jCal[3] = Buffer.from(bytes).toString('base64');
    } catch (error) {
      if (!(error instanceof PhotoError)) throw error;
      card.removeProperty(photo);
      failures.push(error.failure);
    }
  }
  return failures;
}
