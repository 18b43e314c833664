// The read side: progress numbers, the report, the lists verification and undo work from.
import type { Statement } from 'better-sqlite3';
import { itemStates } from './item-states.ts';
import type { ItemState } from './item-states.ts';
import { COLLECTION_COLUMNS, toCollection, toItem } from './rows.ts';
import type { CollectionRow, ItemRow } from './rows.ts';
import type { StoreContext } from './store-context.ts';
import { migrationKinds } from './types.ts';
import type {
  Counts,
  CreatedByUs,
  Item,
  ItemOutcome,
  MigrationKind,
  RunId,
  RunTally,
  Scope,
  StateCounts,
  Target,
} from './types.ts';

const emptyStates = (): StateCounts =>
  Object.fromEntries(itemStates.map((state) => [state, 0])) as StateCounts;

const emptyTally = (): RunTally => ({
  found: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  failed: 0,
  pending: 0,
  verified: 0,
  missing: 0,
  states: emptyStates(),
});

function byKind<T>(make: () => T): Counts<T> {
  return {
    byKind: Object.fromEntries(migrationKinds.map((kind) => [kind, make()])) as Record<
      MigrationKind,
      T
    >,
    total: make(),
  };
}

const outcomeField = {
  created: 'created',
  updated: 'updated',
  unchanged: 'unchanged',
  failed: 'failed',
  skipped: 'skipped',
} as const satisfies Record<ItemOutcome, keyof RunTally>;

/** One statement per scope, so each uses its own index (items_by_run, or target_id). */
interface Scoped<P extends object, R> {
  readonly run: Statement<[P & { runId: number }], R>;
  readonly target: Statement<[P & { server: string; account: string }], R>;
}

function scoped<P extends object, R>(scope: Scope, statements: Scoped<P, R>, params: P): R[] {
  return 'runId' in scope
    ? statements.run.all({ ...params, runId: scope.runId })
    : statements.target.all({ ...params, ...scope.target });
}

const targetIdOf = '(SELECT id FROM targets WHERE server = @server AND account = @account)';

export class ReportQueries {
  readonly #runCounts: Statement<
    [number],
    { kind: MigrationKind; outcome: ItemOutcome | null; state: ItemState; n: number }
  >;
  readonly #targetCounts: Statement<
    [{ server: string; account: string }],
    { kind: MigrationKind; state: ItemState; n: number }
  >;
  readonly #inStates: Scoped<{ states: string }, ItemRow>;
  readonly #createdItems: Scoped<object, ItemRow>;
  readonly #createdCollections: Scoped<object, CollectionRow>;

  constructor({ db }: StoreContext) {
    this.#runCounts = db.prepare(
      `SELECT kind, outcome, state, count(*) AS n FROM items WHERE run_id = ?
       GROUP BY kind, outcome, state`,
    );
    this.#targetCounts = db.prepare(
      `SELECT kind, state, count(*) AS n FROM items WHERE target_id = ${targetIdOf}
       GROUP BY kind, state`,
    );
    const inStates = 'state IN (SELECT value FROM json_each(@states)) ORDER BY kind, label, id';
    this.#inStates = {
      run: db.prepare(`SELECT * FROM items WHERE run_id = @runId AND ${inStates}`),
      target: db.prepare(`SELECT * FROM items WHERE target_id = ${targetIdOf} AND ${inStates}`),
    };
    this.#createdItems = {
      run: db.prepare('SELECT * FROM items WHERE created_run_id = @runId ORDER BY id'),
      target: db.prepare(
        `SELECT * FROM items WHERE target_id = ${targetIdOf} AND created_run_id IS NOT NULL
         ORDER BY id`,
      ),
    };
    const collections = `SELECT ${COLLECTION_COLUMNS} FROM collections c
      JOIN targets t ON t.id = c.target_id WHERE c.created_by_us = 1`;
    this.#createdCollections = {
      run: db.prepare(`${collections} AND c.run_id = @runId ORDER BY c.id`),
      target: db.prepare(
        `${collections} AND t.server = @server AND t.account = @account ORDER BY c.id`,
      ),
    };
  }

  /** Progress and report numbers of one run (including the parts done before a resume). */
  runCounts(runId: RunId): Counts<RunTally> {
    const counts = byKind(emptyTally);
    for (const { kind, outcome, state, n } of this.#runCounts.iterate(runId)) {
      for (const tally of [counts.byKind[kind], counts.total]) {
        tally.found += n;
        tally[outcome === null ? 'pending' : outcomeField[outcome]] += n;
        tally.states[state] += n;
        if (state === 'verified') tally.verified += n;
        if (state === 'missing') tally.missing += n;
      }
    }
    return counts;
  }

  /** Every item the journal knows for a target, by kind and state, whatever run saw it last. */
  targetCounts(target: Target): Counts<StateCounts> {
    const counts = byKind(emptyStates);
    for (const { kind, state, n } of this.#targetCounts.iterate(target)) {
      counts.byKind[kind][state] += n;
      counts.total[state] += n;
    }
    return counts;
  }

  /** Items of a run or a target in the given states (the report lists failed and skipped). */
  itemsInStates(scope: Scope, states: readonly ItemState[]): Item[] {
    return scoped(scope, this.#inStates, { states: JSON.stringify(states) }).map(toItem);
  }

  /** What undo may delete: only what Baluchon created, by one run or by every run. */
  createdBy(scope: Scope): CreatedByUs {
    return {
      collections: scoped(scope, this.#createdCollections, {}).map(toCollection),
      items: scoped(scope, this.#createdItems, {}).map(toItem),
    };
  }
}
