// Runs long work as jobs: one id each, throttled progress events, problems as they are found,
// exactly one final event, and cancellation through an AbortSignal handed to the work.
import { setMaxListeners } from 'node:events';
import type {
  BaluchonEvent,
  ErrorData,
  JobKind,
  JobProgress,
  JobResult,
  Problem,
} from '../contract/index.ts';
import type { ProblemFact } from '../contract/problem.ts';
import { BaluchonError } from '../errors/baluchon-error.ts';

export interface JobContext<K extends JobKind> {
  readonly jobId: string;
  readonly signal: AbortSignal;
  /** Report progress as often as convenient; events leave at most every `progressIntervalMs`. */
  progress(progress: JobProgress<K>): void;
  problem(problem: ProblemFact): void;
}

export interface JobRunnerDeps {
  now: () => number;
  newId: () => string;
  emit: (event: BaluchonEvent) => void;
  describeProblem: (problem: ProblemFact) => Problem;
  describeError: (error: unknown) => ErrorData;
  progressIntervalMs?: number;
}

interface RunningJob {
  controller: AbortController;
  /** Settles once the job's end event has been sent. */
  ended: Promise<void>;
}

export class JobRunner {
  readonly #deps: JobRunnerDeps;
  readonly #running = new Map<string, RunningJob>();
  readonly #interval: number;

  constructor(deps: JobRunnerDeps) {
    this.#deps = deps;
    this.#interval = deps.progressIntervalMs ?? 150;
  }

  /** Starts the work and returns its id at once; the outcome arrives as a `job.end` event. */
  start<K extends JobKind>(kind: K, work: (ctx: JobContext<K>) => Promise<JobResult<K>>): string {
    const jobId = this.#deps.newId();
    const controller = new AbortController();
    // Every request in flight listens to the job's signal (undici, streams): more than Node's
    // default of 10 listeners is normal here, not a leak.
    setMaxListeners(200, controller.signal);
    let settle: () => void = () => undefined;
    const ended = new Promise<void>((resolve) => (settle = resolve));
    this.#running.set(jobId, { controller, ended });
    const emit = this.#deps.emit;
    // The event union is keyed by kind; building it generically needs one cast per event shape.
    const send = (event: Record<string, unknown>): void => {
      emit({ jobId, kind, ...event } as unknown as BaluchonEvent);
    };

    let lastSent = Number.NEGATIVE_INFINITY;
    let pending: JobProgress<K> | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      if (pending === undefined) return;
      lastSent = this.#deps.now();
      send({ type: 'job.progress', progress: pending });
      pending = undefined;
    };

    const ctx: JobContext<K> = {
      jobId,
      signal: controller.signal,
      progress: (progress) => {
        pending = progress;
        const wait = lastSent + this.#interval - this.#deps.now();
        if (wait <= 0) flush();
        else timer ??= setTimeout(flush, wait);
      },
      problem: (fact) => {
        send({ type: 'job.problem', problem: this.#deps.describeProblem(fact) });
      },
    };

    const finish = (event: Record<string, unknown>): void => {
      flush();
      this.#running.delete(jobId);
      send({ type: 'job.end', ...event });
      settle();
    };

    // Start on the next tick so the caller has the id before the first event.
    setImmediate(() => {
      work(ctx).then(
        (result) => {
          finish({ outcome: 'done', result });
        },
        (error: unknown) => {
          // Once cancelled, whatever the work threw while unwinding is the cancellation.
          const cancelled = controller.signal.aborted;
          finish({
            outcome: cancelled ? 'cancelled' : 'failed',
            error: this.#deps.describeError(cancelled ? new BaluchonError('cancelled') : error),
          });
        },
      );
    });
    return jobId;
  }

  cancel(jobId: string): boolean {
    const job = this.#running.get(jobId);
    if (job === undefined) return false;
    job.controller.abort(new BaluchonError('cancelled'));
    return true;
  }

  /** Cancels everything still running (the app is closing, or "forget everything"). */
  cancelAll(): void {
    for (const id of this.#running.keys()) this.cancel(id);
  }

  /** Resolves once every job running now has ended (after cancelAll, before deleting files). */
  async idle(): Promise<void> {
    await Promise.all([...this.#running.values()].map((job) => job.ended));
  }

  get runningCount(): number {
    return this.#running.size;
  }
}
