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
import type { RunTally } from '../journal/types.ts';
import type { Run, Target } from '../journal/types.ts';
import { BaluchonError } from '../errors/baluchon-error.ts';
import { openTakeout } from '../takeout/open-takeout.ts';
import type { Takeout } from '../takeout/open-takeout.ts';
import { readInventory } from '../takeout/scan-takeout.ts';
import type { ScanFacts } from '../takeout/scan-takeout.ts';
import type { TakeoutEntry } from '../takeout/takeout-source.ts';
import type { FetchLike } from '../net/fetch-like.ts';
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
  /**
   * A second account for the files (a WebDAV space beside a calendar server), with its own
   * client; absent: the files go to `account` like the rest.
   */
  files?: { account: Account; client: DavClient };
  /** The retry machinery of the account's client (the files sink retries its own chunks). */
  retry: RetryDeps;
  retryPolicy?: RetryPolicy;
}

/** Items of the archive this run did not send as a whole kind (or whole calendars), and why. */
export interface LeftWhole {
  reason: 'not-chosen' | 'no-place';
  count: number;
  bytes: number | null;
}

export interface MigrationOutcome {
  /** The run of the main account (or, when only files moved to a files account, that run). */
  run: Run;
  state: 'finished' | 'stopped' | 'cancelled';
  counts: Record<MigrationKind, KindCounts>;
  collections: { kind: MigrationKind; name: string; url: string }[];
  birthdaysLeftOut: boolean;
  holidayFeeds: HolidayFeed[] | null;
  /** Office documents among the Drive files, by format (what Google converted Docs… to). */
  documents: { count: number; byFormat: Record<string, number> } | null;
  stop: StopRun | null;
  /** Per kind, what the archive holds that this run did not send: not chosen, or no place. */
  leftWhole: Record<MigrationKind, LeftWhole[]>;
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
    const filesTarget: Target =
      deps.files === undefined
        ? target
        : { server: deps.files.account.server, account: deps.files.account.username };
    const plan = await planJobs(facts, sources, selection, entriesOf, deps, takeout, filesTarget);
    if (plan.jobs.length === 0 && plan.kinds.length === 0) {
      throw new BaluchonError('migration.nothing-selected');
    }
    const parts = takeout.parts.map((part) => ({ name: part.name, size: part.bytes }));
    // One journal run per account: the journal keeps each account's collections apart, and an
    // interrupted move resumes both runs from the same archive.
    const groups = groupsOf(plan, target, filesTarget).map((group) => ({
      ...group,
      run: beginOrResume(deps.journal, group.target, group.kinds, parts),
    }));
    for (const job of plan.jobs) {
      tracker.expect(job.kind, job.found, job.kind === 'files' ? (plan.bytes.files ?? 0) : 0);
    }

    const ended: { run: Run; collections: MigrationOutcome['collections'] }[] = [];
    let stop: StopRun | null = null;
    let cancelled = false;
    for (const group of groups) {
      if (cancelled) {
        // The family paused during the first account's part: this one waits for the next run.
        ended.push({
          run: deps.journal.endRun(group.run.id, { state: 'cancelled' }),
          collections: [],
        });
        continue;
      }
      const outcome = await runJobs(group.jobs, {
        journal: deps.journal,
        target: group.target,
        run: group.run,
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
        // Paused or stopped by the family: runJobs ended the run as cancelled. Say what is
        // already there (from the journal; there is no read-back once cancelled). The next run
        // with the same archive goes on from here.
        const run = deps.journal.getRun(group.run.id);
        if (!deps.signal.aborted || run.state !== 'cancelled') throw error;
        return { run, collections: collectionsOf(deps.journal, group.target, run), stop: null };
      });
      if (outcome.run.state === 'cancelled') cancelled = true;
      stop ??= outcome.stop;
      ended.push({ run: outcome.run, collections: outcome.collections });
    }
    const first = ended[0]?.run ?? groups[0]?.run;
    if (first === undefined) throw new BaluchonError('migration.nothing-selected');
    return {
      run: first,
      state: cancelled ? 'cancelled' : stop === null ? 'finished' : 'stopped',
      counts: countsOf(
        deps.journal,
        ended.map((one) => one.run),
        plan.bytes,
      ),
      collections: ended.flatMap((one) => one.collections),
      birthdaysLeftOut: plan.birthdaysLeftOut,
      holidayFeeds: plan.holidayFeeds,
      documents: plan.documents,
      stop: cancelled ? null : stop,
      leftWhole: plan.leftWhole,
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
  leftWhole: Record<MigrationKind, LeftWhole[]>;
}

async function planJobs(
  facts: Omit<ScanFacts, 'problems'>,
  sources: Awaited<ReturnType<typeof readInventory>>['sources'],
  selection: MigrationSelection,
  entriesOf: (paths: readonly string[]) => TakeoutEntry[],
  deps: MigrationDeps,
  takeout: Takeout,
  filesTarget: Target,
): Promise<JobsPlan> {
  const { account, client, t, signal } = deps;
  const plan: JobsPlan = {
    jobs: [],
    kinds: [],
    birthdaysLeftOut: false,
    holidayFeeds: null,
    documents: null,
    bytes: {},
    leftWhole: { calendars: [], tasks: [], contacts: [], files: [] },
  };
  const leave = (kind: MigrationKind, whole: LeftWhole): void => {
    if (whole.count > 0) plan.leftWhole[kind].push(whole);
  };
  // Counted from the archive's own inventory: a kind that is not sent has no rows in the journal.
  const movable = facts.calendars.filter((calendar) => calendar.generated === null);
  const eventsOf = (chosen: boolean): number =>
    movable
      .filter(
        (calendar) =>
          (selection.calendars === undefined || selection.calendars.includes(calendar.key)) ===
          chosen,
      )
      .reduce((sum, calendar) => sum + calendar.events, 0);
  leave('calendars', { reason: 'not-chosen', count: eventsOf(false), bytes: null });
  for (const kind of ['tasks', 'contacts', 'files'] as const) {
    if (selection[kind]) continue;
    const count =
      kind === 'files' ? facts.files.count + facts.files.cannotMove.length : facts[kind].count;
    leave(kind, {
      reason: 'not-chosen',
      count,
      bytes: kind === 'files' ? facts.files.bytes : null,
    });
  }
  const wanted = (kind: MigrationKind): boolean => {
    if (kind === 'calendars')
      return selection.calendars === undefined || selection.calendars.length > 0;
    return selection[kind];
  };
  const homeOrProblem = (
    kind: MigrationKind,
    home: string | null,
    code: string,
    server = account.server,
  ): home is string => {
    if (home !== null) return true;
    deps.onProblem(kind, { code, where: server, params: { where: server } });
    const count =
      kind === 'calendars'
        ? eventsOf(true)
        : kind === 'files'
          ? facts.files.count + facts.files.cannotMove.length
          : facts[kind].count;
    leave(kind, { reason: 'no-place', count, bytes: kind === 'files' ? facts.files.bytes : null });
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
    const files = deps.files ?? { account, client };
    const filesRoot = files.account.filesRoot;
    if (homeOrProblem('files', filesRoot, 'migration.no-files-here', files.account.server)) {
      const filesPlan = await planFileJob({
        takeout,
        driveFolder: sources.driveFolder,
        client: files.client,
        filesRoot,
        nextcloud: files.account.software === 'nextcloud',
        retry: deps.retry,
        ...(deps.retryPolicy === undefined ? {} : { retryPolicy: deps.retryPolicy }),
        journal: deps.journal,
        target: filesTarget,
        t,
        signal,
        onProblem: (problem) => {
          deps.onProblem('files', problem);
        },
      });
      plan.jobs.push(filesPlan.job);
      plan.bytes.files = filesPlan.bytes;
      plan.documents = filesPlan.documents;
    }
  }
  return plan;
}

interface JobGroup {
  target: Target;
  kinds: MigrationKind[];
  jobs: CollectionJob[];
}

/** The jobs per account: everything on the main account, the files apart when they have their own. */
function groupsOf(plan: JobsPlan, target: Target, filesTarget: Target): JobGroup[] {
  if (filesTarget === target || !plan.kinds.includes('files')) {
    return [{ target, kinds: plan.kinds, jobs: plan.jobs }];
  }
  const main: JobGroup = {
    target,
    kinds: plan.kinds.filter((kind) => kind !== 'files'),
    jobs: plan.jobs.filter((job) => job.kind !== 'files'),
  };
  const files: JobGroup = {
    target: filesTarget,
    kinds: ['files'],
    jobs: plan.jobs.filter((job) => job.kind === 'files'),
  };
  return main.kinds.length === 0 ? [files] : [main, files];
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

/** The counts of the runs of one move (one per account), added up per kind. */
function countsOf(
  journal: Journal,
  runs: readonly Run[],
  bytes: Partial<Record<MigrationKind, number>>,
): Record<MigrationKind, KindCounts> {
  const tallies = runs.map((run) => run.summary ?? journal.runCounts(run.id));
  const result = {} as Record<MigrationKind, KindCounts>;
  for (const kind of ['calendars', 'tasks', 'contacts', 'files'] as const) {
    const sum = (field: Exclude<keyof RunTally, 'states'>): number =>
      tallies.reduce((total, tally) => total + tally.byKind[kind][field], 0);
    result[kind] = {
      found: sum('found'),
      created: sum('created'),
      updated: sum('updated'),
      unchanged: sum('unchanged'),
      skipped: sum('skipped'),
      failed: sum('failed'),
      verified: sum('verified'),
      missing: sum('missing'),
      bytes: bytes[kind] ?? 0,
    };
  }
  return result;
}
