// Rows as SQLite returns them (snake_case, integers for booleans and times) and their mapping to
// the records callers see. Times are stored as milliseconds since the epoch.
import type { ItemState } from './item-states.ts';
import type { RunState } from './run-states.ts';
import type {
  Collection,
  CollectionId,
  CollectionState,
  Counts,
  Item,
  ItemId,
  ItemOutcome,
  JsonValue,
  MigrationKind,
  Run,
  RunId,
  RunTally,
  SourceRef,
} from './types.ts';

export interface RunRow {
  id: number;
  server: string;
  account: string;
  kinds: string;
  sources: string;
  state: RunState;
  stop_code: string | null;
  started_at: number;
  resumed_at: number | null;
  resume_count: number;
  ended_at: number | null;
  summary: string | null;
}

export interface CollectionRow {
  id: number;
  server: string;
  account: string;
  kind: MigrationKind;
  source_key: string;
  href: string;
  display_name: string;
  created_by_us: number;
  state: CollectionState;
  run_id: number;
  created_at: number;
}

export interface ItemRow {
  id: number;
  collection_id: number;
  kind: MigrationKind;
  source_key: string;
  label: string;
  size: number | null;
  state: ItemState;
  outcome: ItemOutcome | null;
  planned_hash: string;
  attempt_hash: string | null;
  content_hash: string | null;
  href: string | null;
  etag: string | null;
  problem_code: string | null;
  problem_detail: string | null;
  attempts: number;
  run_id: number;
  created_run_id: number | null;
  resume: string | null;
  first_seen_at: number;
  updated_at: number;
  sent_at: number | null;
  verified_at: number | null;
}

/** The run columns, with the target's, for `FROM runs r JOIN targets t`. */
export const RUN_COLUMNS = `r.id, t.server, t.account, r.kinds, r.sources, r.state, r.stop_code,
  r.started_at, r.resumed_at, r.resume_count, r.ended_at, r.summary`;

export const COLLECTION_COLUMNS = `c.id, t.server, t.account, c.kind, c.source_key, c.href,
  c.display_name, c.created_by_us, c.state, c.run_id, c.created_at`;

const date = (ms: number): Date => new Date(ms);
const maybeDate = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

export function toRun(row: RunRow): Run {
  return {
    id: row.id as RunId,
    target: { server: row.server, account: row.account },
    kinds: JSON.parse(row.kinds) as MigrationKind[],
    sources: JSON.parse(row.sources) as SourceRef[],
    state: row.state,
    stopCode: row.stop_code,
    startedAt: date(row.started_at),
    resumedAt: maybeDate(row.resumed_at),
    resumeCount: row.resume_count,
    endedAt: maybeDate(row.ended_at),
    summary: row.summary === null ? null : (JSON.parse(row.summary) as Counts<RunTally>),
  };
}

export function toCollection(row: CollectionRow): Collection {
  return {
    id: row.id as CollectionId,
    target: { server: row.server, account: row.account },
    kind: row.kind,
    sourceKey: row.source_key,
    href: row.href,
    displayName: row.display_name,
    createdByUs: row.created_by_us === 1,
    state: row.state,
    runId: row.run_id as RunId,
    createdAt: date(row.created_at),
  };
}

export function toItem(row: ItemRow): Item {
  return {
    id: row.id as ItemId,
    collectionId: row.collection_id as CollectionId,
    kind: row.kind,
    sourceKey: row.source_key,
    label: row.label,
    size: row.size,
    state: row.state,
    outcome: row.outcome,
    contentHash: row.content_hash,
    plannedHash: row.planned_hash,
    attemptHash: row.attempt_hash,
    href: row.href,
    etag: row.etag,
    problem:
      row.problem_code === null ? null : { code: row.problem_code, detail: row.problem_detail },
    attempts: row.attempts,
    runId: row.run_id as RunId,
    createdRunId: row.created_run_id as RunId | null,
    resume: row.resume === null ? null : (JSON.parse(row.resume) as JsonValue),
    firstSeenAt: date(row.first_seen_at),
    updatedAt: date(row.updated_at),
    sentAt: maybeDate(row.sent_at),
    verifiedAt: maybeDate(row.verified_at),
  };
}
