// One migration run, from a source to the verified report:
//   read the source (its inventory) → plan from it (plan-jobs.ts) → begin or resume the run in
//   the journal → make each new collection once → send its items → read everything back → count.
// Interrupted at any instant, the next run with the same source resumes where this one was.
// The caller opens the source (and closes it): a Takeout (src/sources/takeout/), a DAV account.
import { migrationKinds } from '../contract/migrate.ts';
import type { KindCounts, MigrationKind, MigrationSelection } from '../contract/migrate.ts';
import type { Journal } from '../journal/journal.ts';
import { sameSources } from '../journal/index.ts';
import type { RunTally } from '../journal/types.ts';
import type { Run, Target } from '../journal/types.ts';
import { BaluchonError } from '../errors/baluchon-error.ts';
import type { Source } from '../sources/source.ts';
import type { CollectionJob } from './collection-job.ts';
import type { MigrationDeps, MigrationOutcome } from './migration-types.ts';
import { filesAccountKinds } from './kind-planners.ts';
import { planJobs } from './plan-jobs.ts';
import type { JobsPlan } from './plan-jobs.ts';
import { ProgressTracker } from './progress-tracker.ts';
import { runJobs } from './run-jobs.ts';
import type { StopRun } from './sync-items.ts';

export type { MigrationDeps, MigrationOutcome } from './migration-types.ts';

export async function runMigration(
  source: Source,
  selection: MigrationSelection,
  deps: MigrationDeps,
): Promise<MigrationOutcome> {
  const startedAt = deps.now();
  const tracker = new ProgressTracker(deps.now, deps.onProgress);
  tracker.phase('reading');
  // The same reading the scan made: the plan comes from what the family saw.
  const inventory = await source.read({
    signal: deps.signal,
    onProblem: (problem) => {
      deps.onProblem(null, problem);
    },
  });
  const target: Target = { server: deps.account.server, account: deps.account.username };
  const filesTarget: Target =
    deps.files === undefined
      ? target
      : { server: deps.files.account.server, account: deps.files.account.username };
  const plan = await planJobs(inventory, selection, deps, { main: target, files: filesTarget });
  if (plan.jobs.length === 0 && plan.kinds.length === 0) {
    throw new BaluchonError('migration.nothing-selected');
  }
  const identity = source.identity.map(({ name, size }) => ({ name, size }));
  // One journal run per account: the journal keeps each account's collections apart, and an
  // interrupted move resumes both runs from the same source.
  const groups = groupsOf(plan, target, filesTarget).map((group) => ({
    ...group,
    run: beginOrResume(deps.journal, group.target, group.kinds, identity),
  }));
  for (const job of plan.jobs) {
    tracker.expect(job.kind, job.found, plan.bytes[job.kind] ?? 0);
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
      // with the same source goes on from here.
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
  return outcomeOf(deps, plan, {
    // A Takeout is named by its first part, an account by "server (user)" (Source.identity).
    source: { kind: source.kind, name: source.identity[0]?.name ?? '' },
    first,
    ended,
    state: cancelled ? 'cancelled' : stop === null ? 'finished' : 'stopped',
    stop: cancelled ? null : stop,
    startedAt,
  });
}

/** The outcome of a run, built in one place from the plan and what each account's run did. */
function outcomeOf(
  deps: MigrationDeps,
  plan: JobsPlan,
  run: {
    source: MigrationOutcome['source'];
    first: Run;
    ended: readonly { run: Run; collections: MigrationOutcome['collections'] }[];
    state: MigrationOutcome['state'];
    stop: StopRun | null;
    startedAt: Date;
  },
): MigrationOutcome {
  return {
    run: run.first,
    source: run.source,
    state: run.state,
    counts: countsOf(
      deps.journal,
      run.ended.map((one) => one.run),
      plan.bytes,
    ),
    collections: run.ended.flatMap((one) => one.collections),
    birthdaysLeftOut: plan.birthdaysLeftOut,
    holidayFeeds: plan.holidayFeeds,
    documents: plan.documents,
    photoFacts: plan.photoFacts?.() ?? null,
    noteFacts: plan.noteFacts?.() ?? null,
    stop: run.stop,
    leftWhole: plan.leftWhole,
    startedAt: run.startedAt,
    endedAt: deps.now(),
  };
}

interface JobGroup {
  target: Target;
  kinds: MigrationKind[];
  jobs: CollectionJob[];
}

/**
 * The jobs per account: everything on the main account, the files (Drive, photos, notes) apart
 * when they have their own.
 */
function groupsOf(plan: JobsPlan, target: Target, filesTarget: Target): JobGroup[] {
  const onFiles = (kind: MigrationKind): boolean => filesAccountKinds.has(kind);
  if (filesTarget === target || !plan.kinds.some(onFiles)) {
    return [{ target, kinds: plan.kinds, jobs: plan.jobs }];
  }
  const main: JobGroup = {
    target,
    kinds: plan.kinds.filter((kind) => !onFiles(kind)),
    jobs: plan.jobs.filter((job) => !onFiles(job.kind)),
  };
  const files: JobGroup = {
    target: filesTarget,
    kinds: plan.kinds.filter(onFiles),
    jobs: plan.jobs.filter((job) => onFiles(job.kind)),
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
  for (const kind of migrationKinds) {
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
