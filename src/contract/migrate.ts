// Moving the family's data to their new account: the job, its progress, and the report whose
// numbers come from reading the server back (DESIGN.md: transfer, verify, report).
import { z } from 'zod';
import { command, job } from './define.ts';
import { ErrorData } from './errors.ts';
import { JobRef, JobState } from './jobs.ts';
import { Problem } from './problem.ts';
import { oneSource, oneSourceMessage, SourceChoice } from './scan.ts';

/**
 * The kinds of data a move carries, declared here only, in the one order every screen and
 * report lists them. The renderer (types only) types its own list as `MigrationKinds`, so the
 * compiler keeps the two in step.
 */
export const migrationKinds = [
  'calendars',
  'tasks',
  'contacts',
  'files',
  'photos',
  'notes',
] as const;
export type MigrationKinds = typeof migrationKinds;
export const MigrationKind = z.enum(migrationKinds);
export type MigrationKind = z.infer<typeof MigrationKind>;

/** What a run did with one item: the journal records it, the engine counts it, the report shows. */
export type ItemOutcome = 'created' | 'updated' | 'unchanged' | 'failed' | 'skipped';

/** How a run ended, as its report says (the journal has more states, never in a report). */
export const RunEndState = z.enum(['finished', 'stopped', 'cancelled', 'interrupted']);
export type RunEndState = z.infer<typeof RunEndState>;

export const MigrationSelection = z.object({
  /** Calendar keys (ScanReport.calendars[].key) to copy; absent: every calendar that can move. */
  calendars: z.array(z.string()).optional(),
  contacts: z.boolean().default(true),
  tasks: z.boolean().default(true),
  files: z.boolean().default(true),
  /** Google Photos' pictures and videos. */
  photos: z.boolean().default(true),
  /** The copies the family edited in Google Photos, beside their originals (else originals only). */
  editedPhotos: z.boolean().default(true),
  /** Google Keep's notes. */
  notes: z.boolean().default(true),
  /** The folder that receives the pictures (default: "Photos", in the family's language). */
  photosFolder: z.string().trim().min(1).max(120).optional(),
  /** The folder that receives the notes (default: "Notes", the one Nextcloud Notes reads). */
  notesFolder: z.string().trim().min(1).max(120).optional(),
  /**
   * Google's "other contacts" (people it added by itself, never saved by the family): left out
   * unless the family asks for them.
   */
  otherContacts: z.boolean().default(false),
});
export type MigrationSelection = z.infer<typeof MigrationSelection>;

export const StartMigrationInput = SourceChoice.extend({
  /** From `connect`. */
  accountId: z.string().min(1),
  /**
   * From `connect`: a second account that takes the files (a WebDAV or Nextcloud space beside a
   * calendar server). Absent: the files go to `accountId` like everything else.
   */
  filesAccountId: z.string().min(1).optional(),
  selection: MigrationSelection.default({
    contacts: true,
    tasks: true,
    files: true,
    photos: true,
    editedPhotos: true,
    notes: true,
    otherContacts: false,
  }),
  /** Where the journal lives (default: the app's data folder). */
  stateDir: z.string().min(1).optional(),
}).refine(oneSource, { error: oneSourceMessage });

export const KindCounts = z.object({
  found: z.number().int().nonnegative(),
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  verified: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
  /** Files only: the bytes of the files found. */
  bytes: z.number().nonnegative(),
});
export type KindCounts = z.infer<typeof KindCounts>;

/**
 * Why items found in the archive are not on the server: the family did not choose them, the
 * account has no place for this kind, the server refused their calendar or folder, they failed
 * or were missing at the read-back, the run ended before they were sent, or they cannot move by
 * nature (a Google Form…). Only `not-chosen` (and `cannot-move`, which nothing can fix) leaves
 * a run complete.
 */
export const LeftReason = z.enum([
  'not-chosen',
  'no-place',
  'refused',
  'failed',
  'not-sent',
  'cannot-move',
]);
export type LeftReason = z.infer<typeof LeftReason>;

export const LeftOver = z.object({
  reason: LeftReason,
  count: z.number().int().nonnegative(),
  /** Their size, when known (files left whole: not chosen, no place). */
  bytes: z.number().nonnegative().nullable(),
});
export type LeftOver = z.infer<typeof LeftOver>;

/**
 * The counts table's columns, in the one order the Done screen and the saved report both show.
 * The renderer types its own list as `ReportColumns`, so the compiler keeps the two in step.
 */
export const reportColumns = [
  'found',
  'created',
  'unchanged',
  'updated',
  'skipped',
  'failed',
  'verified',
] as const;
export type ReportColumns = typeof reportColumns;

export const KindReport = KindCounts.extend({
  /** Each item that did not arrive as it was, and why. */
  problems: z.array(Problem),
  /** What stayed at the source, grouped by why (empty: everything found is on the server). */
  left: z.array(LeftOver),
});
export type KindReport = z.infer<typeof KindReport>;

export const NewCollection = z.object({
  kind: MigrationKind,
  name: z.string(),
  url: z.string(),
});

export const HolidayFeed = z.object({ zone: z.string(), url: z.string() });

/**
 * Where the data came from: a Google Takeout (name: its first part's file name) or another
 * host's account (name: "server (user)"). The words of the report follow it ("resté chez
 * Google" is only true of a Takeout).
 */
export const PhotoFacts = z.object({
  /** Albums kept. */
  albums: z.number().int().nonnegative(),
  /**
   * How: as albums of Nextcloud's Photos app, or as album folders holding a list of their
   * pictures (a server without Photos); null when there was no album.
   */
  albumsAs: z.enum(['photos-app', 'lists']).nullable(),
  /** Pictures whose taken date was restored from Google's files. */
  dated: z.number().int().nonnegative(),
  /** Pictures without any date (named in the problems). */
  undated: z.number().int().nonnegative(),
  /** The folder that received them, on the files account. */
  folder: z.string(),
});
export type PhotoFacts = z.infer<typeof PhotoFacts>;

export const NoteFacts = z.object({
  archived: z.number().int().nonnegative(),
  /** Notes thrown away in Keep: not moved. */
  trashed: z.number().int().nonnegative(),
  attachments: z.number().int().nonnegative(),
  folder: z.string(),
});
export type NoteFacts = z.infer<typeof NoteFacts>;

const ReportSource = z.object({ kind: z.enum(['takeout', 'dav', 'google']), name: z.string() });
export type ReportSource = z.infer<typeof ReportSource>;

export const MigrationReport = z.object({
  runId: z.number().int(),
  source: ReportSource,
  /** finished: ran to its end; stopped: the server refused to go on (see stopCode); cancelled. */
  state: RunEndState,
  stopCode: z.string().nullable(),
  stopMessage: z.string().nullable(),
  server: z.string(),
  account: z.string(),
  /** The second account that took the files, when there was one (else null). */
  filesServer: z.string().nullable(),
  filesAccount: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string(),
  calendars: KindReport,
  tasks: KindReport,
  contacts: KindReport,
  files: KindReport,
  photos: KindReport,
  notes: KindReport,
  /** What the photos became: albums, dates (null: no photo moved). */
  photoFacts: PhotoFacts.nullable(),
  /** What the notes became (null: no note moved). */
  noteFacts: NoteFacts.nullable(),
  /** Problems that concern the run, not one item (a calendar that could not be made…). */
  problems: z.array(Problem),
  collections: z.array(NewCollection),
  /** Google's birthdays calendar was left out: birthdays come with the contacts. */
  birthdaysLeftOut: z.boolean(),
  /** Public holidays were left out; these feeds can be subscribed to instead. */
  holidayFeeds: z.array(HolidayFeed).nullable(),
  /** Office documents among the files, by format: what Google converted Docs, Sheets, Slides to. */
  documents: z
    .object({ count: z.number().int().nonnegative(), byFormat: z.record(z.string(), z.number()) })
    .nullable(),
  /**
   * everything: every item found is verified on the server or was left out by the family's own
   * choice; all-that-can: the same, except items that cannot move by nature (named); incomplete:
   * something can still be fixed (no place, failed, refused, not sent yet).
   */
  verdict: z.enum(['everything', 'all-that-can', 'incomplete']),
  /** Everything that can move is on the server and was read back (verdict is not incomplete). */
  complete: z.boolean(),
  /** The report kept in the data folder, to open later. */
  reportFile: z.string().nullable(),
});
export type MigrationReport = z.infer<typeof MigrationReport>;

export const KindProgress = z.object({
  found: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  bytesDone: z.number().nonnegative(),
  bytesTotal: z.number().nonnegative(),
});

export const MigrateProgress = z.object({
  phase: z.enum(['reading', 'sending', 'verifying']),
  calendars: KindProgress,
  tasks: KindProgress,
  contacts: KindProgress,
  files: KindProgress,
  photos: KindProgress,
  notes: KindProgress,
  /** The item being sent, as the family knows it. */
  current: z.string().nullable(),
  /** Seconds left, estimated from the pace so far; null before there is a pace. */
  etaSeconds: z.number().nonnegative().nullable(),
});
export type MigrateProgress = z.infer<typeof MigrateProgress>;

export const UndoProgress = z.object({ done: z.number().int(), total: z.number().int() });

export const UndoReport = z.object({
  /** Items Baluchon had created and removed again. */
  deleted: z.number().int().nonnegative(),
  /** Items left in place: changed on the server since, or that could not be removed. */
  kept: z.number().int().nonnegative(),
  collectionsDeleted: z.number().int().nonnegative(),
  /** Calendars, address books or folders kept because something else is in them now. */
  collectionsKept: z.number().int().nonnegative(),
  problems: z.array(Problem),
});
export type UndoReport = z.infer<typeof UndoReport>;

export const migrateJobs = {
  migrate: job(MigrateProgress, MigrationReport),
  undo: job(UndoProgress, UndoReport),
};

export const UnfinishedMoveSummary = z.object({
  accountId: z.string(),
  server: z.string(),
  username: z.string(),
  /** The second account for the files, when the move has one. */
  filesServer: z.string().nullable().optional(),
  filesUsername: z.string().nullable().optional(),
  /** Another host's account the data is read from (null or absent: a Takeout). */
  fromServer: z.string().nullable().optional(),
  fromUsername: z.string().nullable().optional(),
  /** The Google account the data is read from live (its e-mail, '' when Google did not say). */
  fromGoogle: z.string().nullable().optional(),
  startedAt: z.string(),
  /** The archive parts' file names. */
  archives: z.array(z.string()),
  /** The parts are still where they were: the move can go on. */
  archivesPresent: z.boolean(),
  /** The (app) password is still known: no need to type it again. */
  passwordKnown: z.boolean(),
  /**
   * The old host's password is still known, or the Google sign-in still holds (always true for
   * a Takeout, which has none).
   */
  sourcePasswordKnown: z.boolean(),
});
export type UnfinishedMoveSummary = z.infer<typeof UnfinishedMoveSummary>;

/**
 * A move this Baluchon ran or runs since it started, as a page opened (or reloaded) in the middle
 * of it needs it: what was last said of its progress, the problems so far, and how it ended.
 */
export const MoveStatus = z.object({
  jobId: z.string(),
  accountId: z.string(),
  server: z.string(),
  username: z.string(),
  startedAt: z.string(),
  state: JobState,
  /** The last progress event (null before the first). */
  progress: MigrateProgress.nullable(),
  problems: z.array(Problem),
  /** Once ended by itself or by a pause: the report of what is there. */
  report: MigrationReport.nullable(),
  /** Once failed or cancelled before any report. */
  error: ErrorData.nullable(),
});
export type MoveStatus = z.infer<typeof MoveStatus>;

/** The report of the last move that ran to its end, kept in the data folder until forgotten. */
export const LastMove = z.object({ accountId: z.string(), report: MigrationReport });
export type LastMove = z.infer<typeof LastMove>;

export const migrateCommands = {
  /** Starts a move; when one is already running for this account, answers with that one. */
  startMigration: command(StartMigrationInput, JobRef),
  /** The moves of this session: the running ones first, to reattach a reloaded page. */
  listMoves: command(z.object({}), z.array(MoveStatus)),
  /** The last move that ran to its end (finished or stopped), to see its report again. */
  lastMove: command(z.object({}), LastMove.nullable()),
  /** Moves that did not finish (paused, stopped, or the app was closed), to offer going on. */
  listUnfinishedMoves: command(z.object({}), z.array(UnfinishedMoveSummary)),
  /**
   * Goes on with an unfinished move; the password is needed again when it was not kept. When the
   * move is running already (another window), answers with the running one.
   */
  resumeMove: command(
    z.object({
      accountId: z.string().min(1),
      password: z.string().min(1).max(4096).optional(),
      /** For a move from another host: its account's password, when it was not kept. */
      sourcePassword: z.string().min(1).max(4096).optional(),
      /** Goes on with the files on this (newly connected) account, e.g. after a calendar-only move. */
      filesAccountId: z.string().min(1).optional(),
    }),
    JobRef,
  ),
  /** Deletes from the server what Baluchon created for this account (never anything else). */
  startUndo: command(
    z.object({
      accountId: z.string().min(1),
      /** The move's second account, for the files: what Baluchon copied there goes too. */
      filesAccountId: z.string().min(1).optional(),
      stateDir: z.string().min(1).optional(),
    }),
    JobRef,
  ),
  /** The saved report of a move, as HTML, to keep or print. */
  readReport: command(z.object({ path: z.string().min(1) }), z.object({ html: z.string() })),
};
