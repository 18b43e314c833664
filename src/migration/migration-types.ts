// The shapes of one migration run: what it needs (MigrationDeps) and what it tells
// (MigrationOutcome), apart from run-migration.ts so the planners can name them too.
import type { Account } from '../contract/connect.ts';
import type {
  KindCounts,
  MigrateProgress,
  MigrationKind,
  ReportSource,
  NoteFacts,
  PhotoFacts,
} from '../contract/migrate.ts';
import type { ProblemFact } from '../contract/problem.ts';
import type { DavClient } from '../dav/dav-client.ts';
import type { RetryDeps, RetryPolicy } from '../dav/retry.ts';
import type { Translator } from '../i18n/create-i18n.ts';
import type { Journal } from '../journal/journal.ts';
import type { Run } from '../journal/types.ts';
import type { FetchLike } from '../net/fetch-like.ts';
import type { HolidayFeed } from './plan-calendar-jobs.ts';
import type { StopRun } from './sync-items.ts';

export interface MigrationDeps {
  journal: Journal;
  client: DavClient;
  account: Account;
  t: Translator;
  signal: AbortSignal;
  now: () => Date;
  concurrency: number;
  onProgress: (progress: MigrateProgress) => void;
  /** Every problem, with the kind it belongs to (null: the run as a whole). */
  onProblem: (kind: MigrationKind | null, problem: ProblemFact) => void;
  fetchPhoto?: FetchLike;
  /** The family's time zone (photos are filed by the month they were taken there); default: this machine's. */
  timeZone?: string;
  /**
   * A second account for the files (a WebDAV space beside a calendar server), with its own
   * client; absent: the files go to `account` like the rest.
   */
  files?: { account: Account; client: DavClient };
  /** The retry machinery of the account's client (the files sink retries its own chunks). */
  retry: RetryDeps;
  retryPolicy?: RetryPolicy;
}

/** Items of the source this run did not send as a whole kind (or whole calendars), and why. */
export interface LeftWhole {
  reason: 'not-chosen' | 'no-place';
  count: number;
  bytes: number | null;
}

export interface MigrationOutcome {
  /** The run of the main account (or, when only files moved to a files account, that run). */
  run: Run;
  /** Where the data came from: the report's words follow it (Google, or the previous host). */
  source: ReportSource;
  state: 'finished' | 'stopped' | 'cancelled';
  counts: Record<MigrationKind, KindCounts>;
  collections: { kind: MigrationKind; name: string; url: string }[];
  birthdaysLeftOut: boolean;
  holidayFeeds: HolidayFeed[] | null;
  /** Office documents among the Drive files, by format (what Google converted Docs… to). */
  documents: { count: number; byFormat: Record<string, number> } | null;
  /** What the photos became (null: no photo was to move). */
  photoFacts: PhotoFacts | null;
  /** What the notes became (null: no note was to move). */
  noteFacts: NoteFacts | null;
  stop: StopRun | null;
  /** Per kind, what the source holds that this run did not send: not chosen, or no place. */
  leftWhole: Record<MigrationKind, LeftWhole[]>;
  startedAt: Date;
  endedAt: Date;
}
