// An in-memory DAV server behind the engine's ItemSink and CollectionSink, with the semantics
// the engine relies on (RFC 9110 §13.1: If-None-Match: * and If-Match answer 412; a probe of
// nothing is null; a collection already there is refused with 405), a log of every request,
// and a hook that decides, request by request, what goes wrong: the server refuses before doing
// anything (503, 507, 401…), or does the work and the answer is lost (a connection reset after
// the write), or the process dies around it. Requests go through the real retry policy
// (src/dav/retry.ts), the way DavClient sends them, so a lost answer is retried like on a real
// network and the retry meets the server's 412.
import { createHash } from 'node:crypto';
import { DavError, codeForStatus } from '../../../src/dav/dav-error.ts';
import { withRetry } from '../../../src/dav/retry.ts';
import type { RemoteState } from '../../../src/dav/remote-state.ts';
import type { RetryPolicy } from '../../../src/dav/retry.ts';
import type {
  CollectionSink,
  CollectionSpec,
  ItemSink,
  OutgoingItem,
  SendOptions,
} from '../../../src/sink/item-sink.ts';

export const HOME = 'https://dav.example.org/famille/';

export interface StoredItem {
  body: string;
  etag: string;
}

export interface StoredCollection {
  displayName: string;
  marker: string | null;
  items: Map<string, StoredItem>;
}

export type Method = 'PUT' | 'PROBE' | 'LIST' | 'MKCOL' | 'INSPECT' | 'PROPPATCH';

export interface LoggedRequest {
  readonly seq: number;
  readonly method: Method;
  readonly href: string;
  readonly ifMatch?: string | null;
  readonly ifNoneMatch?: boolean;
  /** What the client got: a status, or `lost` when the answer never came back. */
  outcome: number | 'lost' | 'crashed';
}

/**
 * What happens to one request:
 * - `ok`: served normally;
 * - `refuse`: answered with this status without doing anything (503 may carry Retry-After);
 * - `lost`: the server does the work, the client sees a connection reset (retried);
 * - `crash-before` / `crash-after`: the process dies before the request leaves / after the
 *   server did the work (the test's `onCrash` closes the journal, as death would).
 */
export type Fault =
  | { readonly kind: 'ok' }
  | {
      readonly kind: 'refuse';
      readonly status: number;
      readonly retryAfter?: number;
      /** The server's explanation, as the client keeps it (an error body's element names…). */
      readonly detail?: string;
    }
  | { readonly kind: 'lost' }
  | { readonly kind: 'crash-before' }
  | { readonly kind: 'crash-after' };

/** Thrown when the simulated process dies: nothing after it may touch the journal. */
export class Crash extends Error {
  constructor() {
    super('simulated crash');
    this.name = 'Crash';
  }
}

export const ok: Fault = { kind: 'ok' };

export class MemoryDav {
  readonly collections = new Map<string, StoredCollection>();
  readonly log: LoggedRequest[] = [];
  /** Waits the retry policy asked for, in milliseconds. */
  readonly waits: number[] = [];
  /** Decides each request's fate; requests of the engine's own probes included. */
  fault: (request: LoggedRequest) => Fault = () => ok;
  /** Called when a crash fault fires, before Crash is thrown (close the journal there). */
  onCrash: () => void = () => undefined;
  /** Collections whose every request is refused with 403 (a share the account may not write). */
  readonly forbidden = new Set<string>();
  /** Report sizes like a files server (true) or not at all, like CalDAV servers (false). */
  reportSizes = false;
  /** Whether PROPPATCH keeps the marker (Radicale does; Xandikos drops unknown properties). */
  keepsMarkers = true;
  retryPolicy: RetryPolicy = {
    maxAttempts: 4,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    maxRetryAfterMs: 60_000,
  };
  #etags = 0;

  /** Someone else's collection, or ours from a run whose journal was lost. */
  addCollection(href: string, displayName: string, marker: string | null = null): void {
    this.collections.set(href, { displayName, marker, items: new Map() });
  }

  /** The family (or their phone) writes an item: a new etag. */
  write(href: string, body: string): void {
    const collection = this.#collectionOf(href);
    if (collection === undefined) throw new Error(`no collection for ${href}`);
    collection.items.set(href, { body, etag: this.#nextEtag() });
  }

  remove(href: string): void {
    this.#collectionOf(href)?.items.delete(href);
  }

  /** Every item of every collection: href → body. */
  everything(): Map<string, string> {
    const all = new Map<string, string>();
    for (const collection of this.collections.values()) {
      for (const [href, item] of collection.items) all.set(href, item.body);
    }
    return all;
  }

  count(method: Method): number {
    return this.log.filter((request) => request.method === method).length;
  }

  /** One request through the retry policy, as DavClient sends it. */
  request<T>(
    entry: Omit<LoggedRequest, 'seq' | 'outcome'>,
    work: () => T,
    signal: AbortSignal,
  ): Promise<T> {
    return withRetry(
      () => Promise.resolve().then(() => this.#once(entry, work)),
      {
        sleep: (ms) => {
          this.waits.push(ms);
          return Promise.resolve();
        },
        random: () => 0.5,
      },
      this.retryPolicy,
      signal,
    );
  }

  #once<T>(entry: Omit<LoggedRequest, 'seq' | 'outcome'>, work: () => T): T {
    const logged: LoggedRequest = { ...entry, seq: this.log.length + 1, outcome: 0 };
    this.log.push(logged);
    const fault = this.fault(logged);
    const error = (status: number, retryAfter?: number, detail?: string): DavError =>
      new DavError(codeForStatus(status), {
        method: entry.method,
        url: entry.href,
        status,
        ...(retryAfter === undefined ? {} : { retryAfterSeconds: retryAfter }),
        ...(detail === undefined ? {} : { detail }),
      });
    if (fault.kind === 'crash-before') {
      logged.outcome = 'crashed';
      this.onCrash();
      throw new Crash();
    }
    if (fault.kind === 'refuse') {
      logged.outcome = fault.status;
      throw error(fault.status, fault.retryAfter, fault.detail);
    }
    const collection = this.#collectionOf(entry.href);
    if (collection !== undefined && this.#isForbidden(entry.href)) {
      logged.outcome = 403;
      throw error(403);
    }
    let result: T;
    try {
      result = work();
      logged.outcome = 200;
    } catch (failure) {
      if (failure instanceof DavError) logged.outcome = failure.status ?? 0;
      throw failure;
    }
    if (fault.kind === 'crash-after') {
      logged.outcome = 'crashed';
      this.onCrash();
      throw new Crash();
    }
    if (fault.kind === 'lost') {
      logged.outcome = 'lost';
      throw new DavError('dav.network', {
        method: entry.method,
        url: entry.href,
        detail: 'ECONNRESET',
      });
    }
    return result;
  }

  put(href: string, body: string, options: SendOptions): RemoteState {
    const collection = this.#collectionOf(href);
    if (collection === undefined) throw this.#status(409, 'PUT', href);
    const there = collection.items.get(href);
    if (options.create && there !== undefined) throw this.#status(412, 'PUT', href);
    if (options.ifMatch !== null && there?.etag !== options.ifMatch) {
      throw this.#status(412, 'PUT', href);
    }
    const stored = { body, etag: this.#nextEtag() };
    collection.items.set(href, stored);
    return { etag: stored.etag, size: this.reportSizes ? sizeOf(body) : null };
  }

  probe(href: string): RemoteState | null {
    if (this.collections.has(href)) return { etag: null, size: null };
    const item = this.#collectionOf(href)?.items.get(href);
    if (item === undefined) return null;
    return { etag: item.etag, size: this.reportSizes ? sizeOf(item.body) : null };
  }

  list(collectionHref: string): Map<string, RemoteState> {
    const collection = this.collections.get(collectionHref);
    if (collection === undefined) throw this.#status(404, 'PROPFIND', collectionHref);
    return new Map(
      [...collection.items].map(([href, item]) => [
        href,
        { etag: item.etag, size: this.reportSizes ? sizeOf(item.body) : null },
      ]),
    );
  }

  #nextEtag(): string {
    return `"e${++this.#etags}"`;
  }

  #collectionOf(href: string): StoredCollection | undefined {
    const direct = this.collections.get(href);
    if (direct !== undefined) return direct;
    return this.collections.get(href.slice(0, href.lastIndexOf('/') + 1));
  }

  #isForbidden(href: string): boolean {
    return [...this.forbidden].some((prefix) => href.startsWith(prefix));
  }

  #status(status: number, method: string, url: string): DavError {
    return new DavError(codeForStatus(status), { method, url, status });
  }
}

export function sizeOf(body: string): number {
  return Buffer.byteLength(body);
}

export function hashOf(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/** The engine's view of one collection's items on the memory server. */
export function memoryItemSink(dav: MemoryDav): ItemSink<string> {
  return {
    send: (href, item, options) =>
      dav.request(
        {
          method: 'PUT',
          href,
          ifMatch: options.ifMatch,
          ifNoneMatch: options.create,
        },
        () => dav.put(href, item.payload, options),
        options.signal,
      ),
    probe: (href, signal) => dav.request({ method: 'PROBE', href }, () => dav.probe(href), signal),
    list: (collectionHref, signal) =>
      dav.request({ method: 'LIST', href: collectionHref }, () => dav.list(collectionHref), signal),
    hrefFor: (collectionHref, item: OutgoingItem<string>) =>
      new URL(item.relativeHref, collectionHref).href,
  };
}

/** The engine's view of the collections of the memory server, under HOME. */
export function memoryCollectionSink(dav: MemoryDav, home = HOME): CollectionSink {
  return {
    home,
    // Like MKCALENDAR then PROPPATCH (src/dav/collections.ts): two requests, so a crash or a
    // lost answer can fall between the creation and the marker.
    async create(href: string, spec: CollectionSpec, marker: string, signal: AbortSignal) {
      await dav.request(
        { method: 'MKCOL', href },
        () => {
          if (dav.collections.has(href)) {
            throw new DavError('dav.not-allowed', { method: 'MKCALENDAR', url: href, status: 405 });
          }
          dav.collections.set(href, {
            displayName: spec.displayName,
            marker: null,
            items: new Map(),
          });
        },
        signal,
      );
      await dav.request(
        { method: 'PROPPATCH', href },
        () => {
          const collection = dav.collections.get(href);
          if (collection !== undefined && dav.keepsMarkers) collection.marker = marker;
        },
        signal,
      );
    },
    mark: (href: string, marker: string, signal: AbortSignal) =>
      dav.request(
        { method: 'PROPPATCH', href },
        () => {
          const collection = dav.collections.get(href);
          if (collection !== undefined && dav.keepsMarkers) collection.marker = marker;
        },
        signal,
      ),
    isEmpty: (href: string, signal: AbortSignal) =>
      dav.request(
        { method: 'LIST', href },
        () => (dav.collections.get(href)?.items.size ?? 0) === 0,
        signal,
      ),
    inspect: (href: string, signal: AbortSignal) =>
      dav.request(
        { method: 'INSPECT', href },
        () => {
          const collection = dav.collections.get(href);
          return collection === undefined
            ? null
            : { marker: collection.marker, displayName: collection.displayName };
        },
        signal,
      ),
  };
}
