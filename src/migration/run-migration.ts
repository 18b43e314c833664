// One migration run, from the archive parts to the verified report:
//   read the export (where each product is) → begin or resume the run in the journal →
//   make each new collection once → send its items → read everything back → count.
// Interrupted at any instant, the next run with the same archive resumes where this one was.
import type { Account } from '../contract/connect.ts';
import type {
  KindCounts,
  MigrateProgress,
  MigrationKind,
  MigrationSelection,
} from '../contract/migrate.ts';
import type { ProblemFact } from '../contract/problem.ts';
import type { DavClient } from '../dav/dav-client.ts';
import type { RetryDeps, RetryPolicy } from '../dav/retry.ts';
import type { Translator } from '../i18n/create-i18n.ts';
import type { Journal } from '../journal/journal.ts';
import { sameSources } from '../journal/index.ts';
import type { Run, Target } from '../journal/types.ts';
import { BaluchonError } from '../service/baluchon-error.ts';
import { openTakeout } from '../takeout/open-takeout.ts';
import type { Takeout } from '../takeout/open-takeout.ts';
import { readInventory } from '../takeout/scan-takeout.ts';
import type { ScanFacts } from '../takeout/scan-takeout.ts';
import type { TakeoutEntry } from '../takeout/takeout-source.ts';
import type { FetchLike } from '../vcard/embed-photo.ts';
import type { CollectionJob } from './collection-job.ts';
import type { HolidayFeed } from '../ical/plan-calendar.ts';
import { planCalendarJobs } from './plan-calendar-jobs.ts';
import { planContactJob } from './plan-contact-jobs.ts';
import { planFileJob } from './plan-file-job.ts';
import { planTaskJobs } from './plan-task-jobs.ts';
import { ProgressTracker } from './progress-tracker.ts';
import { runJobs } from './run-jobs.ts';
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
  /** The retry machinery of the account's client (the files sink retries its own chunks). */
  retry: RetryDeps;
  retryPolicy?: RetryPolicy;
}

export interface MigrationOutcome {
  run: Run;
  state: 'finished' | 'stopped' | 'cancelled';
  counts: Record<MigrationKind, KindCounts>;
  collections: { kind: MigrationKind; name: string; url: string }[];
  birthdaysLeftOut: boolean;
  holidayFeeds: HolidayFeed[] | null;
  /** Office documents among the Drive files, by format (what Google converted Docs… to). */
  documents: { count: number; byFormat: Record<string, number> } | null;
  stop: StopRun | null;
  startedAt: Date;
  endedAt: Date;
}

export async function runMigration(
  paths: readonly string[],
  selection: MigrationSelection,
  deps: MigrationDeps,
): Promise<MigrationOutcome> {
  const startedAt = deps.now();
  const tracker = new ProgressTracker(deps.now, deps.onProgress);
  const takeout = await openTakeout(paths, {
    signal: deps.signal,
    onProblem: (problem) => {
      deps.onProblem(null, problem);
    },
  });
  try {
    tracker.phase('reading');
    const { facts, sources } = await readInventory(
      takeout,
      (problem) => {
        deps.onProblem(null, problem);
      },
      {
        signal: deps.signal,
      },
    );
    const tree = await takeout.entries();
    const entriesOf = (list: readonly string[]): TakeoutEntry[] =>
      list.flatMap((path) => {
        const entry = tree.get(path);
        return entry === undefined ? [] : [entry];
      });

    const target: Target = { server: deps.account.server, account: deps.account.username };
    const plan = await planJobs(facts, sources, selection, entriesOf, deps, takeout, target);
    if (plan.jobs.length === 0 && plan.kinds.length === 0) {
      throw new BaluchonError('migration.nothing-selected');
    }
    const parts = takeout.parts.map((part) => ({ name: part.name, size: part.bytes }));
    const run = beginOrResume(deps.journal, target, plan.kinds, parts);
    for (const job of plan.jobs) {
      tracker.expect(job.kind, job.found, job.kind === 'files' ? (plan.bytes.files ?? 0) : 0);
    }

    const {
      run: ended,
      collections,
      stop,
    } = await runJobs(plan.jobs, {
      journal: deps.journal,
      target,
      run,
      concurrency: deps.concurrency,
      signal: deps.signal,
      onPhase: (phase) => {
        tracker.phase(phase);
      },
      onItem: (kind, outcome, label, bytes) => {
        tracker.item(kind, outcome, label, bytes);
      },
      onBytes: (kind, bytes) => {
        tracker.bytes(kind, bytes);
      },
      onProblem: deps.onProblem,
    }).catch((error: unknown) => {
      // Paused or stopped by the family: runJobs ended the run as cancelled. Say what is already
      // there (from the journal; there is no read-back once cancelled). The next run with the
      // same archive goes on from here.
      const cancelled = deps.journal.getRun(run.id);
      if (!deps.signal.aborted || cancelled.state !== 'cancelled') throw error;
      return { run: cancelled, collections: [], stop: null };
    });
    if (ended.state === 'cancelled') {
      return {
        run: ended,
        state: 'cancelled',
        counts: countsOf(deps.journal, ended, plan.bytes),
        collections: collectionsOf(deps.journal, target, ended),
        birthdaysLeftOut: plan.birthdaysLeftOut,
        holidayFeeds: plan.holidayFeeds,
        documents: plan.documents,
        stop: null,
        startedAt,
        endedAt: deps.now(),
      };
    }
    const counts = countsOf(deps.journal, ended, plan.bytes);
    return {
      run: ended,
      state: stop === null ? 'finished' : 'stopped',
      counts,
      collections,
      birthdaysLeftOut: plan.birthdaysLeftOut,
      holidayFeeds: plan.holidayFeeds,
      documents: plan.documents,
      stop,
      startedAt,
      endedAt: deps.now(),
    };
  } finally {
    await takeout.close();
  }
}

interface JobsPlan {
  jobs: CollectionJob[];
  kinds: MigrationKind[];
  birthdaysLeftOut: boolean;
  holidayFeeds: HolidayFeed[] | null;
  documents: { count: number; byFormat: Record<string, number> } | null;
  bytes: Partial<Record<MigrationKind, number>>;
}

async function planJobs(
  facts: Omit<ScanFacts, 'problems'>,
  sources: Awaited<ReturnType<typeof readInventory>>['sources'],
  selection: MigrationSelection,
  entriesOf: (paths: readonly string[]) => TakeoutEntry[],
  deps: MigrationDeps,
  takeout: Takeout,
  target: Target,
): Promise<JobsPlan> {
  const { account, client, t, signal } = deps;
  const plan: JobsPlan = {
    jobs: [],
    kinds: [],
    birthdaysLeftOut: false,
    holidayFeeds: null,
    documents: null,
    bytes: {},
  };
  const wanted = (kind: MigrationKind): boolean => {
    if (kind === 'calendars')
      return selection.calendars === undefined || selection.calendars.length > 0;
    return selection[kind];
  };
  const homeOrProblem = (
    kind: MigrationKind,
    home: string | null,
    code: string,
  ): home is string => {
    if (home !== null) return true;
    deps.onProblem(kind, { code, where: account.server, params: { where: account.server } });
    return false;
  };

  const calendarPaths = sources.calendars.filter(
    (path) => selection.calendars === undefined || selection.calendars.includes(path),
  );
  if (wanted('calendars') && calendarPaths.length > 0) {
    plan.kinds.push('calendars');
    if (homeOrProblem('calendars', account.calendarHome, 'migration.no-calendars-here')) {
      const calendars = await planCalendarJobs({
        entries: entriesOf(calendarPaths),
        client,
        home: account.calendarHome,
        t,
        signal,
      });
      plan.jobs.push(...calendars.jobs);
      plan.birthdaysLeftOut = calendars.birthdaysLeftOut;
      plan.holidayFeeds = calendars.holidayFeeds;
    }
  }
  if (wanted('tasks') && sources.tasks.length > 0 && facts.tasks.count > 0) {
    plan.kinds.push('tasks');
    if (homeOrProblem('tasks', account.calendarHome, 'migration.no-tasks-here')) {
      plan.jobs.push(
        ...(await planTaskJobs({
          entries: entriesOf(sources.tasks),
          client,
          home: account.calendarHome,
          t,
          signal,
          onProblem: (problem) => {
            deps.onProblem('tasks', problem);
          },
        })),
      );
    }
  }
  if (wanted('contacts') && sources.contacts.length > 0) {
    plan.kinds.push('contacts');
    if (homeOrProblem('contacts', account.addressbookHome, 'migration.no-contacts-here')) {
      const job = await planContactJob({
        entries: entriesOf(sources.contacts),
        client,
        home: account.addressbookHome,
        t,
        signal,
        ...(deps.fetchPhoto === undefined ? {} : { fetchPhoto: deps.fetchPhoto }),
        otherContacts: selection.otherContacts,
      });
      if (job !== null) plan.jobs.push(job);
    }
  }
  if (selection.files && sources.driveFolder !== null && facts.files.count > 0) {
    plan.kinds.push('files');
    if (homeOrProblem('files', account.filesRoot, 'migration.no-files-here')) {
      const files = await planFileJob({
        takeout,
        driveFolder: sources.driveFolder,
        client,
        filesRoot: account.filesRoot,
        nextcloud: account.software === 'nextcloud',
        retry: deps.retry,
        ...(deps.retryPolicy === undefined ? {} : { retryPolicy: deps.retryPolicy }),
        journal: deps.journal,
        target,
        t,
        signal,
        onProblem: (problem) => {
          deps.onProblem('files', problem);
        },
      });
      plan.jobs.push(files.job);
      plan.bytes.files = files.bytes;
      plan.documents = files.documents;
    }
  }
  return plan;
}

function beginOrResume(
  journal: Journal,
  target: Target,
  kinds: MigrationKind[],
  sources: { name: string; size: number }[],
): Run {
  // The same archive given again after an interruption continues that run (same id, same report).
  const interrupted = journal
    .interruptedRuns(target)
    .find((run) => sameSources(run.sources, sources));
  return interrupted === undefined
    ? journal.beginRun({ target, kinds, sources })
    : journal.resumeRun(interrupted.id);
}

/** The collections already on the account for the kinds of a run that was cancelled. */
function collectionsOf(
  journal: Journal,
  target: Target,
  run: Run,
): MigrationOutcome['collections'] {
  return journal
    .collections(target)
    .filter((collection) => collection.state === 'ready' && run.kinds.includes(collection.kind))
    .map((collection) => ({
      kind: collection.kind,
      name: collection.displayName,
      url: collection.href,
    }));
}

function countsOf(
  journal: Journal,
  run: Run,
  bytes: Partial<Record<MigrationKind, number>>,
): Record<MigrationKind, KindCounts> {
  const tally = run.summary ?? journal.runCounts(run.id);
  const result = {} as Record<MigrationKind, KindCounts>;
  for (const kind of ['calendars', 'tasks', 'contacts', 'files'] as const) {
    const counts = tally.byKind[kind];
    result[kind] = {
      found: counts.found,
      created: counts.created,
      updated: counts.updated,
      unchanged: counts.unchanged,
      skipped: counts.skipped,
      failed: counts.failed,
      verified: counts.verified,
      missing: counts.missing,
      bytes: bytes[kind] ?? 0,
    };
  }
  return result;
}
