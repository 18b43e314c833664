// Targets and runs: beginning, resuming and ending a run, and finding the runs a killed process
// left behind. See run-states.ts for the transitions.
import type { Statement } from 'better-sqlite3';
import { BaluchonError } from '../errors/baluchon-error.ts';
import { JournalError } from './journal-error.ts';
import { sqlList } from './sql-list.ts';
import { RUN_COLUMNS, toRun } from './rows.ts';
import type { RunRow } from './rows.ts';
import { canTransitionRun, resumableRunStates, runTransitions } from './run-states.ts';
import type { RunOperation, RunState } from './run-states.ts';
import { isUniqueViolation } from './sqlite-errors.ts';
import { migrationKinds } from './types.ts';
import type { RunEndState } from '../contract/migrate.ts';
import type { StoreContext } from './store-context.ts';
import type { Counts, MigrationKind, Run, RunId, RunTally, SourceRef, Target } from './types.ts';

export interface BeginRunInput {
  readonly target: Target;
  readonly kinds: readonly MigrationKind[];
  readonly sources: readonly SourceRef[];
}

/** How a run ends; `stopped` carries the code of what stopped it (wrong password, server full). */
export type RunEnd =
  | { readonly state: Exclude<RunEndState, 'stopped'> }
  | { readonly state: 'stopped'; readonly code: string };

/** Archive parts in a canonical order, so the same archive always gives the same list. */
export function canonicalSources(sources: readonly SourceRef[]): SourceRef[] {
  return sources
    .map(({ name, size }) => ({ name, size }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.size - b.size));
}

/** Whether two runs read the same archive (same part names and sizes, in any order). */
export function sameSources(a: readonly SourceRef[], b: readonly SourceRef[]): boolean {
  return JSON.stringify(canonicalSources(a)) === JSON.stringify(canonicalSources(b));
}

function checkBeginInput({ target, kinds, sources }: BeginRunInput): void {
  const bad = (detail: string): never => {
    throw new BaluchonError('invalid-input', { detail });
  };
  if (target.server === '' || target.account === '') bad('target needs a server and an account');
  if (kinds.length === 0) bad('a run needs at least one kind');
  for (const kind of kinds) if (!migrationKinds.includes(kind)) bad(`unknown kind ${kind}`);
  for (const { name, size } of sources) {
    if (name === '' || !Number.isSafeInteger(size) || size < 0) bad(`bad source ${name}`);
  }
}

export class RunStore {
  readonly #ctx: StoreContext;
  readonly #upsertTarget: Statement<[{ server: string; account: string; now: number }]>;
  readonly #targetId: Statement<[{ server: string; account: string }], number>;
  readonly #abandon: Statement<[{ targetId: number; now: number }]>;
  readonly #insertRun: Statement<
    [{ targetId: number; kinds: string; sources: string; now: number }],
    { id: number }
  >;
  readonly #get: Statement<[number], RunRow>;
  readonly #ofTarget: Statement<[{ server: string; account: string }], RunRow>;
  readonly #resume: Statement<[{ id: number; now: number }]>;
  readonly #end: Statement<
    [{ id: number; state: RunState; code: string | null; now: number; from: string }]
  >;
  readonly #interruptAll: Statement<[{ now: number }], { id: number }>;
  readonly #summary: Statement<[{ id: number; summary: string }]>;

  constructor(ctx: StoreContext) {
    this.#ctx = ctx;
    const { db } = ctx;
    this.#upsertTarget = db.prepare(
      `INSERT INTO targets (server, account, created_at) VALUES (@server, @account, @now)
       ON CONFLICT (server, account) DO NOTHING`,
    );
    this.#targetId = db
      .prepare('SELECT id FROM targets WHERE server = @server AND account = @account')
      .pluck() as Statement<[{ server: string; account: string }], number>;
    this.#abandon = db.prepare(
      `UPDATE runs SET state = 'abandoned', ended_at = coalesce(ended_at, @now)
       WHERE target_id = @targetId AND state IN (${sqlList(runTransitions.abandon.from)})`,
    );
    this.#insertRun = db.prepare(
      `INSERT INTO runs (target_id, kinds, sources, state, started_at)
       VALUES (@targetId, @kinds, @sources, 'running', @now) RETURNING id`,
    );
    this.#get = db.prepare(
      `SELECT ${RUN_COLUMNS} FROM runs r JOIN targets t ON t.id = r.target_id WHERE r.id = ?`,
    );
    this.#ofTarget = db.prepare(
      `SELECT ${RUN_COLUMNS} FROM runs r JOIN targets t ON t.id = r.target_id
       WHERE t.server = @server AND t.account = @account ORDER BY r.id DESC`,
    );
    this.#resume = db.prepare(
      `UPDATE runs SET state = 'running', resumed_at = @now, resume_count = resume_count + 1,
         ended_at = NULL, stop_code = NULL, summary = NULL
       WHERE id = @id AND state IN (${sqlList(runTransitions.resume.from)})`,
    );
    // `from` is one of the lists of run-states.ts, bound as JSON to keep one statement.
    this.#end = db.prepare(
      `UPDATE runs SET state = @state, stop_code = @code, ended_at = @now
       WHERE id = @id AND state IN (SELECT value FROM json_each(@from))`,
    );
    // A run still `running` when the journal opens belonged to a process that died: the
    // journal is opened by one process at a time (exclusive lock, see open-journal.ts). It
    // ended, as far as anyone can tell, at the last step it recorded.
    this.#interruptAll = db.prepare(
      `UPDATE runs SET state = 'interrupted',
         ended_at = coalesce((SELECT max(updated_at) FROM items WHERE run_id = runs.id),
                             resumed_at, started_at, @now)
       WHERE state = 'running' RETURNING id`,
    );
    this.#summary = db.prepare('UPDATE runs SET summary = @summary WHERE id = @id');
  }

  targetId(target: Target): number | undefined {
    return this.#targetId.get(target);
  }

  /**
   * Starts a new run. Resumable runs of the same target become `abandoned`: their items keep
   * their states, and the new run takes over from there (items are keyed by collection and
   * source, not by run), so nothing they did is lost or done twice.
   */
  begin(input: BeginRunInput): Run {
    checkBeginInput(input);
    const { target } = input;
    const now = this.#ctx.now();
    const id = this.#ctx.db
      .transaction(() => {
        this.#upsertTarget.run({ ...target, now });
        const targetId = this.#targetId.get(target);
        if (targetId === undefined) throw new Error('target vanished inside a transaction');
        this.#abandon.run({ targetId, now });
        const kinds = migrationKinds.filter((kind) => input.kinds.includes(kind));
        const sources = canonicalSources(input.sources);
        try {
          return this.#insertRun.get({
            targetId,
            kinds: JSON.stringify(kinds),
            sources: JSON.stringify(sources),
            now,
          })?.id;
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          throw new JournalError(
            'journal.run-in-progress',
            { server: target.server },
            {
              cause: error,
            },
          );
        }
      })
      .immediate();
    return this.get(id as RunId);
  }

  get(runId: RunId): Run {
    const row = this.#get.get(runId);
    if (row === undefined) throw new JournalError('journal.not-found', { what: 'run', id: runId });
    return toRun(row);
  }

  ofTarget(target: Target): Run[] {
    return this.#ofTarget.all(target).map(toRun);
  }

  /** Runs of this target that did not reach their end, newest first (see resumableRunStates). */
  interrupted(target: Target): Run[] {
    const resumable: readonly RunState[] = resumableRunStates;
    return this.ofTarget(target).filter((run) => resumable.includes(run.state));
  }

  /** Continues an interrupted, stopped or cancelled run under the same id. */
  resume(runId: RunId): Run {
    let changes: number;
    try {
      changes = this.#resume.run({ id: runId, now: this.#ctx.now() }).changes;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new JournalError('journal.run-in-progress', { run: runId }, { cause: error });
    }
    if (changes === 0) this.#refuse(runId, 'resume');
    return this.get(runId);
  }

  end(runId: RunId, end: RunEnd): void {
    const operation = (
      {
        finished: 'finish',
        stopped: 'stop',
        cancelled: 'cancel',
        interrupted: 'interrupt',
      } as const
    )[end.state];
    this.#transition(runId, operation, end.state === 'stopped' ? end.code : null);
  }

  /** After "undo this import" deleted from the server what the run had created. */
  markUndone(runId: RunId): Run {
    this.#transition(runId, 'undo', null);
    return this.get(runId);
  }

  /** At open: runs left `running` by a process that died. Returns their ids. */
  interruptAll(): RunId[] {
    return this.#interruptAll.all({ now: this.#ctx.now() }).map(({ id }) => id as RunId);
  }

  /** Keeps the run's counts as they were when it ended (see Run.summary). */
  saveSummary(runId: RunId, summary: Counts<RunTally>): void {
    this.#summary.run({ id: runId, summary: JSON.stringify(summary) });
  }

  #transition(runId: RunId, operation: RunOperation, code: string | null): void {
    const { from, to } = runTransitions[operation];
    const { changes } = this.#end.run({
      id: runId,
      state: to,
      code,
      now: this.#ctx.now(),
      from: JSON.stringify(from),
    });
    if (changes === 0) this.#refuse(runId, operation);
  }

  #refuse(runId: RunId, operation: RunOperation): never {
    const run = this.get(runId);
    if (canTransitionRun(operation, run.state)) {
      throw new Error(`run ${runId}: ${operation} from ${run.state} changed nothing`);
    }
    throw new JournalError('journal.illegal-transition', {
      run: runId,
      operation,
      from: run.state,
    });
  }
}
