// Free space, checked before anything is sent (DESIGN.md, "Connect"): RFC 4331's
// `quota-available-bytes` on the target folder, or on the nearest folder above it that exists
// (the import folder is not made yet). Nextcloud answers negative values when it does not know
// (-1, -2) or sets no limit (-3); Apache mod_dav 2.4 has no quota at all (404 for the property).
// When the server does not say, the run goes on and the report says "unknown".
import type { DavClient } from '../dav/dav-client.ts';
import { DavError } from '../dav/dav-error.ts';
import { clark, ns, propText } from '../dav/xml.ts';
import type { Journal } from '../journal/journal.ts';
import type { Collection } from '../journal/types.ts';
import { BaluchonError } from '../errors/baluchon-error.ts';

export type FreeSpace =
  | { readonly kind: 'known'; readonly availableBytes: number }
  | { readonly kind: 'unlimited' }
  | { readonly kind: 'unknown' };

export interface FreeSpaceCheck {
  readonly neededBytes: number;
  readonly free: FreeSpace;
}

const quotaProp = clark(ns.dav, 'quota-available-bytes');

/** What the server says is free at `url` (or the closest existing folder above it). */
export async function readFreeSpace(
  client: DavClient,
  url: string,
  signal?: AbortSignal,
): Promise<FreeSpace> {
  for (let current = new URL(url); ;) {
    try {
      const { entries } = await client.propfind(current.href, [quotaProp], '0', {
        ...(signal === undefined ? {} : { signal }),
      });
      const text = entries[0] === undefined ? undefined : propText(entries[0], quotaProp);
      if (text === undefined || !/^-?\d+$/.test(text)) return { kind: 'unknown' };
      const value = Number(text);
      if (value === -3) return { kind: 'unlimited' };
      return value < 0 ? { kind: 'unknown' } : { kind: 'known', availableBytes: value };
    } catch (error) {
      if (!(error instanceof DavError && error.code === 'dav.not-found')) throw error;
      const parent = new URL(current.pathname.endsWith('/') ? '..' : '.', current);
      if (parent.pathname === current.pathname) return { kind: 'unknown' };
      current = parent;
    }
  }
}

/**
 * Throws `files.not-enough-space` (with `needed` and `available` in bytes) when the server says
 * the files will not fit; otherwise tells what it knows, for the report.
 */
export async function checkFreeSpace(
  client: DavClient,
  url: string,
  neededBytes: number,
  signal?: AbortSignal,
): Promise<FreeSpaceCheck> {
  const free = await readFreeSpace(client, url, signal);
  if (free.kind === 'known' && free.availableBytes < neededBytes) {
    // Decimal megabytes, as file managers count: rounded so that "needed > available" still reads so.
    throw new BaluchonError('files.not-enough-space', {
      needed: neededBytes,
      available: free.availableBytes,
      neededMB: Math.ceil(neededBytes / 1e6),
      availableMB: Math.floor(free.availableBytes / 1e6),
    });
  }
  return { neededBytes, free };
}

/**
 * What a run still has to send: the plan's bytes minus those of files the journal knows are
 * already on the server (a resumed or repeated run does not need the space twice).
 */
export function bytesStillToSend(
  totalBytes: number,
  journal: Journal,
  collection: Collection | undefined,
): number {
  if (collection === undefined) return totalBytes;
  let there = 0;
  for (const item of journal.collectionItems(collection.id)) {
    if ((item.state === 'sent' || item.state === 'verified') && item.size !== null) {
      there += item.size;
    }
  }
  return Math.max(0, totalBytes - there);
}
