// The acting half of a run, once the jobs are planned: make each collection once, send its
// items, then read back every collection that exists — also after a stop, since the report must
// say what really arrived — and end the run in the journal. Kept apart from the archive reading
// (run-migration.ts) so that it can be driven with any sinks, in tests with a memory server.
import type { ItemOutcome, MigrateProgress, MigrationKind } from '../contract/migrate.ts';
import type { ProblemFact } from '../contract/problem.ts';
import { DavError, isRetryable, stopsTheRun } from '../dav/dav-error.ts';
import type { Journal } from '../journal/journal.ts';
import type { Collection, Run, Target } from '../journal/types.ts';
import type { CollectionJob } from './collection-job.ts';
import { ensureCollection } from './ensure-collection.ts';
import { StopRun } from './sync-items.ts';
import type { VerifyOutcome } from './verify-collection.ts';

export interface RunJobsContext {
  journal: Journal;
  target: Target;
  /** Begun or resumed; this function ends it. */
  run: Run;
  concurrency: number;
  signal: AbortSignal;
  onPhase(phase: Exclude<MigrateProgress['phase'], 'reading'>): void;
  onItem(kind: MigrationKind, outcome: ItemOutcome, label: string, bytes: number): void;
  onProblem(kind: MigrationKind, problem: ProblemFact): void;
  /** Bytes of a file that reached the server (files only; optional elsewhere). */
  onBytes?(kind: MigrationKind, bytes: number): void;
}

export interface JobsOutcome {
  /** The run as it ended: finished, or stopped with its code. */
  run: Run;
  collections: { kind: MigrationKind; name: string; url: string }[];
  /** What the read-back found, per collection read. */
  readBack: { collection: Collection; outcome: VerifyOutcome }[];
  stop: StopRun | null;
}

/**
 * Rejects (after ending the run as cancelled or interrupted) on anything but a stop: a
 * cancellation, a network gone for good, a bug. A stop (401, 403, 507) ends the run as
 * `stopped`, still read back as far as the server lets us.
 */
export async function runJobs(
  jobs: readonly CollectionJob[],
  ctx: RunJobsContext,
): Promise<JobsOutcome> {
  const { journal, run, signal } = ctx;
  const collections: JobsOutcome['collections'] = [];
  // Every collection that exists, the one a stop interrupted included: all are read back.
  const made: { job: CollectionJob; collection: Collection }[] = [];
  let stop: StopRun | null = null;
  const settings = { journal, runId: run.id, concurrency: ctx.concurrency, signal };
  const giveUp = (error: unknown): never => {
    journal.endRun(run.id, { state: signal.aborted ? 'cancelled' : 'interrupted' });
    throw error;
  };

  try {
    ctx.onPhase('sending');
    for (const job of jobs) {
      const collection = await ensureCollection(job.spec, {
        journal,
        target: ctx.target,
        runId: run.id,
        kind: job.kind,
        sink: job.collectionSink,
        signal,
      }).catch((error: unknown) => {
        // The server will not make this one (a task list where tasks are not accepted, a name
        // it refuses…): name it, and go on with the others.
        if (signal.aborted || !refusesCollection(error)) throw error;
        ctx.onProblem(job.kind, {
          code: 'migration.collection-refused',
          where: job.spec.displayName,
          params: {
            name: job.spec.displayName,
            count: job.found,
            status: error.status ?? 0,
            detail: error.details?.['detail'] ?? '',
          },
        });
        return null;
      });
      if (collection === null) continue;
      collections.push({ kind: job.kind, name: collection.displayName, url: collection.href });
      made.push({ job, collection });
      await job.sync(collection, {
        ...settings,
        events: {
          onItem: (outcome, label, bytes) => {
            ctx.onItem(job.kind, outcome, label, bytes);
          },
          onProblem: (problem) => {
            ctx.onProblem(job.kind, problem);
          },
          onBytes: (bytes) => {
            ctx.onBytes?.(job.kind, bytes);
          },
        },
      });
    }
  } catch (error) {
    // A password refused or a full server while making a calendar stops the run as it does
    // while sending items.
    stop = asStop(error, signal) ?? giveUp(error);
  }

  ctx.onPhase('verifying');
  const readBack: JobsOutcome['readBack'] = [];
  try {
    for (const { job, collection } of made) {
      const outcome = await job.verify(collection, { ...settings, events: noEvents }, (problem) => {
        ctx.onProblem(job.kind, problem);
      });
      readBack.push({ collection, outcome });
    }
  } catch (error) {
    // Refused while reading back (the password was changed meanwhile…): the report keeps what
    // is known, and the next run resumes this one.
    const late = asStop(error, signal) ?? giveUp(error);
    stop ??= late;
  }

  const ended = journal.endRun(
    run.id,
    stop === null ? { state: 'finished' } : { state: 'stopped', code: stop.code },
  );
  return { run: ended, collections, readBack, stop };
}

const noEvents = { onItem: () => undefined, onProblem: () => undefined };

/** The error as a stop of the run (401, 403, 507), or null when it is no such thing. */
function asStop(error: unknown, signal: AbortSignal): StopRun | null {
  if (signal.aborted) return null;
  if (error instanceof StopRun) return error;
  return error instanceof DavError && stopsTheRun(error) ? new StopRun(error) : null;
}

/**
 * The server answered that it will not make this collection: not worth retrying, not a reason
 * to stop everything. A 403 is a stop (the password or the account's rights), except when the
 * server says why with a CalDAV precondition (RFC 4791 §5.3.1.1): it does not take this kind
 * of calendar, such as a task list.
 */
function refusesCollection(error: unknown): error is DavError {
  if (!(error instanceof DavError) || isRetryable(error)) return false;
  if (stopsTheRun(error)) return error.code === 'dav.forbidden' && namesPrecondition(error);
  return true;
}

const caldavPreconditions = ['supported-calendar-component', 'valid-calendar-data'];

function namesPrecondition(error: DavError): boolean {
  const detail = error.details?.['detail'];
  return typeof detail === 'string' && caldavPreconditions.some((name) => detail.includes(name));
}
