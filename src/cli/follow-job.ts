// Starts a job through the service and follows it to its end, the way every long CLI command
// does: events that arrive before the start command has answered are kept until the job's id is
// known; Ctrl+C cancels the job (which then ends as "cancelled").
import type {
  BaluchonEvent,
  ErrorData,
  JobKind,
  JobProgress,
  JobResult,
  Problem,
  Result,
} from '../contract/index.ts';
import type { CliContext } from './cli-command.ts';

export type JobOutcome<K extends JobKind> =
  | { type: 'refused'; error: ErrorData }
  | { type: 'done'; result: JobResult<K>; problems: Problem[] }
  | { type: 'failed' | 'cancelled'; error: ErrorData; problems: Problem[] };

export interface FollowHandlers<K extends JobKind> {
  onProgress?(progress: JobProgress<K>): void;
  onProblem?(problem: Problem): void;
}

export async function followJob<K extends JobKind>(
  ctx: CliContext,
  kind: K,
  start: () => Promise<Result<unknown>>,
  handlers: FollowHandlers<K> = {},
): Promise<JobOutcome<K>> {
  let jobId: string | null = null;
  const early: BaluchonEvent[] = [];
  const problems: Problem[] = [];
  let finish: (outcome: JobOutcome<K>) => void = () => undefined;
  const ended = new Promise<JobOutcome<K>>((resolve) => (finish = resolve));

  const onEvent = (event: BaluchonEvent): void => {
    if (event.kind !== kind) return;
    // The kind was checked just above: the event's payloads are this kind's.
    const typed = event as Extract<BaluchonEvent, { kind: K }>;
    if (typed.type === 'job.progress') handlers.onProgress?.(typed.progress as JobProgress<K>);
    else if (typed.type === 'job.problem') {
      problems.push(typed.problem);
      handlers.onProblem?.(typed.problem);
    } else if (typed.outcome === 'done') {
      finish({ type: 'done', result: typed.result as JobResult<K>, problems });
    } else finish({ type: typed.outcome, error: typed.error, problems });
  };
  const unsubscribe = ctx.service.subscribe((event) => {
    if (jobId === null) early.push(event);
    else if (event.jobId === jobId) onEvent(event);
  });
  const stop = (): void => {
    if (jobId !== null) void ctx.service.call('cancelJob', { jobId });
  };
  try {
    const started = await start();
    if (!started.ok) return { type: 'refused', error: started.error };
    jobId = (started.value as { jobId: string }).jobId;
    for (const event of early.splice(0)) if (event.jobId === jobId) onEvent(event);
    ctx.interrupted.addEventListener('abort', stop, { once: true });
    if (ctx.interrupted.aborted) stop();
    return await ended;
  } finally {
    ctx.interrupted.removeEventListener('abort', stop);
    unsubscribe();
  }
}

/** One line on standard error, rewritten in place, only when standard error is a terminal. */
export function progressLine(ctx: CliContext): { show(text: string): void; clear(): void } {
  const tty = (ctx.stderr as { isTTY?: boolean }).isTTY === true;
  let shown = '';
  return {
    show(text) {
      if (!tty || text === shown) return;
      shown = text;
      ctx.stderr.write(`\r${text}\u001b[K`);
    },
    clear() {
      if (shown === '') return;
      shown = '';
      ctx.stderr.write('\r\u001b[K');
    },
  };
}
