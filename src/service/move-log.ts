// What this Baluchon knows of the moves it ran since it started: per account, the latest move's
// job, its last progress, its problems and how it ended. A page reloaded (or a second window)
// in the middle of a move reads it to show the move again at once, not only the events to come;
// a second "go on" for the same account finds the running job here instead of starting another.
import type {
  Account,
  BaluchonEvent,
  ErrorData,
  MigrateProgress,
  MigrationReport,
  MoveStatus,
  Problem,
} from '../contract/index.ts';

interface Entry {
  jobId: string;
  account: Account;
  startedAt: string;
  state: MoveStatus['state'];
  progress: MigrateProgress | null;
  problems: Problem[];
  report: MigrationReport | null;
  error: ErrorData | null;
}

export class MoveLog {
  /** By account id: one move per account (a newer one replaces the older). */
  readonly #moves = new Map<string, Entry>();

  /** A move's job has just started (before its first event: the runner starts on the next tick). */
  track(jobId: string, account: Account, startedAt: string): void {
    this.#moves.set(account.accountId, {
      jobId,
      account,
      startedAt,
      state: 'running',
      progress: null,
      problems: [],
      report: null,
      error: null,
    });
  }

  /** Every event of every job; those of a tracked move update it. */
  receive(event: BaluchonEvent): void {
    if (event.kind !== 'migrate') return;
    const entry = [...this.#moves.values()].find((move) => move.jobId === event.jobId);
    if (entry === undefined) return;
    if (event.type === 'job.progress') entry.progress = event.progress;
    else if (event.type === 'job.problem') entry.problems.push(event.problem);
    else if (event.outcome === 'done') {
      entry.state = 'done';
      entry.report = event.result;
    } else {
      entry.state = event.outcome;
      entry.error = event.error;
    }
  }

  /** The job of the move running for this account, if one is. */
  running(accountId: string): string | undefined {
    const entry = this.#moves.get(accountId);
    return entry?.state === 'running' ? entry.jobId : undefined;
  }

  /** The moves of this session, the running ones first, each newest first. */
  list(): MoveStatus[] {
    return [...this.#moves.values()]
      .sort(
        (a, b) =>
          Number(b.state === 'running') - Number(a.state === 'running') ||
          b.startedAt.localeCompare(a.startedAt),
      )
      .map((entry) => ({
        jobId: entry.jobId,
        accountId: entry.account.accountId,
        server: entry.account.server,
        username: entry.account.username,
        startedAt: entry.startedAt,
        state: entry.state,
        progress: entry.progress,
        problems: [...entry.problems],
        report: entry.report,
        error: entry.error,
      }));
  }

  /** "Forget everything": nothing of the family's moves stays, in memory either. */
  clear(): void {
    this.#moves.clear();
  }
}
