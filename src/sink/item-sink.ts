// The sink port: what the engine needs from one kind of destination (a CalDAV calendar, a
// CardDAV address book, a WebDAV folder tree) to move items there: create the collection, send
// one item with the right condition, look at one item, and list what the server really holds.
// The journal protocol, the concurrency, the stop rules and the verification are the engine's,
// shared by every kind (src/migration/sync-items.ts).
//
// Why src/sink/: it is the mirror of src/sources/ (where items come from), and a leaf layer, so
// that a destination's implementation (src/files/, migration/dav-sinks.ts) depends on the port
// and never on the engine that drives it.
import type { ProblemFact } from '../contract/problem.ts';
import type { RemoteState } from '../dav/remote-state.ts';
import type { JsonValue } from '../journal/types.ts';

/** One thing to copy, ready to be sent. */
export interface OutgoingItem<Payload> {
  /** Stable across runs of the same or a newer archive (UID, derived contact UID, Drive path). */
  readonly sourceKey: string;
  /** What the family recognises in the report (event summary and date, contact name, path). */
  readonly label: string;
  /** Hash of what would be sent (change detection across runs). */
  readonly contentHash: string;
  /** Where it goes, relative to the collection (a resource name, or a path for files). */
  readonly relativeHref: string;
  readonly size: number | null;
  readonly payload: Payload;
  /** Things worth telling that did not stop the item (a renamed file, an alarm changed…). */
  readonly notes?: readonly ProblemFact[];
  /**
   * Called once the engine is done with the item (sent, unchanged, failed), whether or not its
   * payload was used: a source that hands out content in archive order (a .tgz, read once from
   * its start) waits for it before moving to the next entry.
   */
  readonly release?: () => void;
}

/** An item of the source deliberately not sent, with the reason (named in the report). */
export interface SkippedItem {
  readonly sourceKey: string;
  readonly label: string;
  readonly problem: ProblemFact;
}

export type SourceEntry<Payload> =
  | { readonly type: 'item'; readonly item: OutgoingItem<Payload> }
  | { readonly type: 'skipped'; readonly skipped: SkippedItem }
  /** A problem about the source that is no item of its own (an unreadable part of a file). */
  | { readonly type: 'problem'; readonly problem: ProblemFact };

export interface SendOptions {
  /** Create only: the server must not hold anything there yet (If-None-Match: *). */
  readonly create: boolean;
  /** Update only: the etag the server's copy must still have (If-Match). */
  readonly ifMatch: string | null;
  readonly signal: AbortSignal;
  /** Called as bytes leave, for progress (files). */
  readonly onBytes?: (bytes: number) => void;
  /** What an earlier, interrupted attempt saved to continue from (a chunked upload's id). */
  readonly resume?: () => JsonValue | null;
  /** Keeps progress of a long send in the journal, so a crash does not start it again. */
  readonly saveResume?: (resume: JsonValue | null) => void;
}

export interface ItemSink<Payload> {
  /** Sends one item to `href`; resolves with what the server holds afterwards. A 412 rejects with
   * a DavError 'dav.precondition-failed' (the engine then looks before deciding). */
  send(href: string, item: OutgoingItem<Payload>, options: SendOptions): Promise<RemoteState>;
  /** What is at `href` now, or null when nothing is. */
  probe(href: string, signal: AbortSignal): Promise<RemoteState | null>;
  /** Every item under the collection, as the server lists it (absolute URLs). */
  list(collectionHref: string, signal: AbortSignal): Promise<Map<string, RemoteState>>;
  /** Absolute URL of an item in the collection. */
  hrefFor(collectionHref: string, item: OutgoingItem<Payload>): string;
}

/** A new collection Baluchon makes for one source collection (a Google calendar, the contacts,
 * a task list, the Drive folder). */
export interface CollectionSpec {
  readonly sourceKey: string;
  /**
   * Keys the same collection has in another source (a Google calendar read from the archive and
   * the same one read live): a collection made for any of them is this one, so a family who moves
   * their archive and later signs in (or the other way round) gets updates, never a second copy.
   */
  readonly aliases?: readonly string[];
  readonly displayName: string;
  /** Last path segment to try first (made safe by the caller); "-2", "-3"… when it is taken. */
  readonly slug: string;
  readonly color?: string;
  readonly description?: string;
}

export interface CollectionSink {
  /** Where new collections of this kind are created (calendar home, address-book home, files root). */
  readonly home: string;
  /** Creates the collection and leaves `marker` on it. Rejects with a DavError when something is
   * already there — 'dav.not-allowed' (405) by the book, 'dav.conflict' (409, Radicale) or
   * 'dav.forbidden' (403, Xandikos) in practice: the engine then looks (inspect). */
  create(href: string, spec: CollectionSpec, marker: string, signal: AbortSignal): Promise<void>;
  /** What is at `href`: null when nothing; else the source marker Baluchon left on it, if any,
   * and its display name when the destination has one. */
  inspect(
    href: string,
    signal: AbortSignal,
  ): Promise<{ marker: string | null; displayName?: string | null } | null>;
  /** Whether the collection holds nothing (asked only about an unmarked one bearing our name). */
  isEmpty?(href: string, signal: AbortSignal): Promise<boolean>;
  /** Leaves `marker` on a collection Baluchon made whose marking was cut short (a crash, a lost
   * answer); absent when the destination keeps no markers. */
  mark?(href: string, marker: string, signal: AbortSignal): Promise<void>;
}
