// Keeps what every job has said so far (last progress, problems, end), fed by the transport's
// event stream from the app's start. Events may arrive before the command that started the job
// has returned its id, so nothing is filtered by id on arrival.
import type {
  BaluchonEvent,
  ErrorData,
  JobKind,
  JobProgress,
  JobResult,
  Problem,
} from '../../../src/contract/index.ts';

export interface JobView<K extends JobKind> {
  progress: JobProgress<K> | undefined;
  problems: Problem[];
  end:
    | { outcome: 'done'; result: JobResult<K> }
    | { outcome: 'failed' | 'cancelled'; error: ErrorData }
    | undefined;
}

export class JobStore {
  readonly #jobs = new Map<string, JobView<JobKind>>();
  readonly #listeners = new Set<() => void>();

  receive(event: BaluchonEvent): void {
    const previous = this.#jobs.get(event.jobId) ?? {
      progress: undefined,
      problems: [],
      end: undefined,
    };
    // A new object on every change, so React sees the change.
    const next: JobView<JobKind> = { ...previous };
    if (event.type === 'job.progress') next.progress = event.progress;
    else if (event.type === 'job.problem') next.problems = [...previous.problems, event.problem];
    else if (event.outcome === 'done') next.end = { outcome: 'done', result: event.result };
    else next.end = { outcome: event.outcome, error: event.error };
    this.#jobs.set(event.jobId, next);
    for (const listener of this.#listeners) listener();
  }

  /**
   * What the service said of a job before this page listened (a page reloaded in the middle of
   * a move). Events may have arrived already, since the stream opens before any command: they are
   * newer, so they win; problems they repeat are kept once.
   */
  seed<K extends JobKind>(jobId: string, known: JobView<K>): void {
    const heard = this.#jobs.get(jobId);
    const next: JobView<JobKind> = {
      progress: heard?.progress ?? known.progress,
      problems: mergeProblems(known.problems, heard?.problems ?? []),
      end: heard?.end ?? known.end,
    };
    this.#jobs.set(jobId, next);
    for (const listener of this.#listeners) listener();
  }

  get<K extends JobKind>(jobId: string | undefined): JobView<K> | undefined {
    return jobId === undefined ? undefined : this.#jobs.get(jobId);
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** The problems known before, then those heard since that they do not already hold. */
function mergeProblems(known: readonly Problem[], heard: readonly Problem[]): Problem[] {
  const left = new Map<string, number>();
  for (const problem of known) {
    const key = JSON.stringify(problem);
    left.set(key, (left.get(key) ?? 0) + 1);
  }
  const merged = [...known];
  for (const problem of heard) {
    const key = JSON.stringify(problem);
    const count = left.get(key) ?? 0;
    if (count > 0) left.set(key, count - 1);
    else merged.push(problem);
  }
  return merged;
}
