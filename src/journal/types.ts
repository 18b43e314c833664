// What the journal stores and hands back. Ids are branded numbers so a run id can never be passed
// where an item id is expected; they are SQLite row ids, meaningful inside one journal file only.
import type { ItemOutcome, MigrationKind } from '../contract/migrate.ts';
import type { ItemState } from './item-states.ts';
import type { RunState } from './run-states.ts';

// The kinds and outcomes are the contract's: declared once there, used by every layer.
export { migrationKinds } from '../contract/migrate.ts';
export type { ItemOutcome, MigrationKind };

export type RunId = number & { readonly __brand: 'RunId' };
export type CollectionId = number & { readonly __brand: 'CollectionId' };
export type ItemId = number & { readonly __brand: 'ItemId' };

/**
 * Where things are copied to: one account on one server. Every row of the journal hangs off a
 * target, so that one family's migration never mixes with the next family's on the same laptop.
 * `server` is the normalised base URL (the caller normalises; the journal compares exactly).
 */
export interface Target {
  readonly server: string;
  readonly account: string;
}

/** An archive part as the user gave it; name and size are enough to recognise it next time. */
export interface SourceRef {
  readonly name: string;
  readonly size: number;
}

/** Any value JSON can carry (the resume blob of a chunked upload). */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export interface Run {
  readonly id: RunId;
  readonly target: Target;
  readonly kinds: readonly MigrationKind[];
  readonly sources: readonly SourceRef[];
  readonly state: RunState;
  /** Why a run was stopped (e.g. `dav.unauthorized`, `dav.server-full`), else null. */
  readonly stopCode: string | null;
  readonly startedAt: Date;
  /** The last time the run was resumed after an interruption, else null. */
  readonly resumedAt: Date | null;
  readonly resumeCount: number;
  readonly endedAt: Date | null;
  /**
   * The run's counts when it last ended (null while running). Live counts (runCounts) cover
   * the items this run was the last to plan; this summary keeps the run's own report after a
   * later run has planned the same items.
   */
  readonly summary: Counts<RunTally> | null;
}

export type CollectionState = 'creating' | 'ready';

export interface Collection {
  readonly id: CollectionId;
  readonly target: Target;
  readonly kind: MigrationKind;
  /** Stable across runs of the same (or a newer) archive: a Google calendar, the address book… */
  readonly sourceKey: string;
  readonly href: string;
  readonly displayName: string;
  /** Baluchon made it (undo may delete it) rather than the user picking an existing one. */
  readonly createdByUs: boolean;
  /**
   * `creating`: recorded before the MKCOL/MKCALENDAR left; the server may or may not have it
   * (check before creating again). `ready`: known to exist.
   */
  readonly state: CollectionState;
  /** The run that recorded it. */
  readonly runId: RunId;
  readonly createdAt: Date;
}

export interface ItemProblem {
  readonly code: string;
  readonly detail: string | null;
}

export interface Item {
  readonly id: ItemId;
  readonly collectionId: CollectionId;
  readonly kind: MigrationKind;
  readonly sourceKey: string;
  /** What a person recognises in the report: event summary, contact name, file path. */
  readonly label: string;
  readonly size: number | null;
  readonly state: ItemState;
  /** What the run `runId` did with it; null while it is still to be done in that run. */
  readonly outcome: ItemOutcome | null;
  /** Hash of the content the server is known to hold; null when it holds nothing of ours. */
  readonly contentHash: string | null;
  /** Hash of the source content seen by the last plan. */
  readonly plannedHash: string;
  /** Hash of the content of the last send attempt (in flight while state is `sending`). */
  readonly attemptHash: string | null;
  readonly href: string | null;
  readonly etag: string | null;
  /** The last failure or the reason it was skipped. */
  readonly problem: ItemProblem | null;
  /** How many times a request carrying it left (markSending), over its whole life. */
  readonly attempts: number;
  /** The last run that planned it; every later change belongs to that run. */
  readonly runId: RunId;
  /** The run whose request created it on the server (undo deletes only these), else null. */
  readonly createdRunId: RunId | null;
  /** Engine data to resume an interrupted chunked upload (upload id, chunks done). */
  readonly resume: JsonValue | null;
  readonly firstSeenAt: Date;
  readonly updatedAt: Date;
  readonly sentAt: Date | null;
  readonly verifiedAt: Date | null;
}

// What the read side (report-queries.ts) hands back. Here, with the rows they count, so that
// types.ts imports no store and no store imports another through it.
export type StateCounts = Record<ItemState, number>;

/**
 * What one run did, for one kind or in total. `found` = created + updated + unchanged + skipped
 * + failed + pending, always. `verified` and `missing` come from the read-back and count items
 * of this run whose state is now verified or missing; `states` is the breakdown by item state.
 */
export interface RunTally {
  found: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  /** Still to do in this run (not yet sent, or in flight). */
  pending: number;
  verified: number;
  missing: number;
  states: StateCounts;
}

export interface Counts<T> {
  readonly byKind: Record<MigrationKind, T>;
  readonly total: T;
}

/** Whose items: one run's, or everything the journal knows for a target. */
export type Scope = { readonly runId: RunId } | { readonly target: Target };

export interface CreatedByUs {
  /** Collections Baluchon created (or was creating: check the server) — undo deletes them. */
  readonly collections: Collection[];
  /**
   * Items whose creation Baluchon sent (whatever their state now: a create interrupted or
   * failed may still have reached the server, so a DELETE answered 404 means done).
   */
  readonly items: Item[];
}
