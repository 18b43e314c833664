// Collections: a Google calendar, the address book, a task list, the Drive root folder, and
// where each went on the server. Unique per (target, kind, source key): never created twice.
import type { Statement } from 'better-sqlite3';
import { JournalError } from './journal-error.ts';
import { COLLECTION_COLUMNS, toCollection } from './rows.ts';
import type { CollectionRow } from './rows.ts';
import type { StoreContext } from './store-context.ts';
import { isUniqueViolation } from './sqlite-errors.ts';
import type { Collection, CollectionId, MigrationKind, RunId, Target } from './types.ts';

export interface SaveCollectionInput {
  readonly target: Target;
  readonly kind: MigrationKind;
  readonly sourceKey: string;
  readonly href: string;
  readonly displayName: string;
  /**
   * True when Baluchon creates it. Save it BEFORE the MKCOL/MKCALENDAR leaves: it is recorded
   * as `creating` until markCollectionReady, so a crash in between is seen on the next run
   * (check the server, then create or confirm) instead of creating a second one.
   */
  readonly createdByUs: boolean;
  readonly runId: RunId;
}

export class CollectionStore {
  readonly #ctx: StoreContext;
  readonly #find: Statement<
    [{ server: string; account: string; kind: string; sourceKey: string }],
    CollectionRow
  >;
  readonly #get: Statement<[number], CollectionRow>;
  readonly #ofTarget: Statement<[{ server: string; account: string }], CollectionRow>;
  readonly #insert: Statement<
    [
      {
        runId: number;
        kind: string;
        sourceKey: string;
        href: string;
        displayName: string;
        createdByUs: number;
        state: string;
        now: number;
        server: string;
        account: string;
      },
    ],
    { id: number }
  >;
  readonly #ready: Statement<[number]>;
  readonly #remove: Statement<[number]>;

  constructor(ctx: StoreContext) {
    this.#ctx = ctx;
    const { db } = ctx;
    const select = `SELECT ${COLLECTION_COLUMNS} FROM collections c
      JOIN targets t ON t.id = c.target_id`;
    this.#find = db.prepare(
      `${select} WHERE t.server = @server AND t.account = @account
         AND c.kind = @kind AND c.source_key = @sourceKey`,
    );
    this.#get = db.prepare(`${select} WHERE c.id = ?`);
    this.#ofTarget = db.prepare(
      `${select} WHERE t.server = @server AND t.account = @account ORDER BY c.id`,
    );
    // The run must be running and belong to the same target: a collection is always recorded
    // by the run that is creating or choosing it.
    this.#insert = db.prepare(
      `INSERT INTO collections (target_id, kind, source_key, href, display_name, created_by_us,
         state, run_id, created_at)
       SELECT r.target_id, @kind, @sourceKey, @href, @displayName, @createdByUs, @state, r.id, @now
       FROM runs r JOIN targets t ON t.id = r.target_id
       WHERE r.id = @runId AND r.state = 'running'
         AND t.server = @server AND t.account = @account
       RETURNING id`,
    );
    this.#ready = db.prepare(
      `UPDATE collections SET state = 'ready' WHERE id = ? AND state = 'creating'`,
    );
    this.#remove = db.prepare('DELETE FROM collections WHERE id = ?');
  }

  find(target: Target, kind: MigrationKind, sourceKey: string): Collection | undefined {
    const row = this.#find.get({ ...target, kind, sourceKey });
    return row === undefined ? undefined : toCollection(row);
  }

  get(collectionId: CollectionId): Collection {
    const row = this.#get.get(collectionId);
    if (row === undefined) {
      throw new JournalError('journal.not-found', { what: 'collection', id: collectionId });
    }
    return toCollection(row);
  }

  ofTarget(target: Target): Collection[] {
    return this.#ofTarget.all(target).map(toCollection);
  }

  save(input: SaveCollectionInput): Collection {
    let row: { id: number } | undefined;
    try {
      row = this.#insert.get({
        runId: input.runId,
        kind: input.kind,
        sourceKey: input.sourceKey,
        href: input.href,
        displayName: input.displayName,
        createdByUs: input.createdByUs ? 1 : 0,
        state: input.createdByUs ? 'creating' : 'ready',
        now: this.#ctx.now(),
        server: input.target.server,
        account: input.target.account,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new JournalError(
        'journal.duplicate',
        { what: 'collection', kind: input.kind, sourceKey: input.sourceKey },
        { cause: error },
      );
    }
    if (row === undefined) throw this.#runRefused(input);
    return this.get(row.id as CollectionId);
  }

  /** The server confirmed the collection exists (created, or found after an interruption). */
  markReady(collectionId: CollectionId): Collection {
    if (this.#ready.run(collectionId).changes === 0) {
      const collection = this.get(collectionId);
      throw new JournalError('journal.illegal-transition', {
        collection: collectionId,
        operation: 'markCollectionReady',
        from: collection.state,
      });
    }
    return this.get(collectionId);
  }

  /** Undo deleted it from the server: its items go with it. */
  remove(collectionId: CollectionId): boolean {
    return this.#remove.run(collectionId).changes > 0;
  }

  #runRefused(input: SaveCollectionInput): JournalError {
    const run = this.#ctx.db
      .prepare<[number], { state: string; server: string; account: string }>(
        `SELECT r.state, t.server, t.account FROM runs r JOIN targets t ON t.id = r.target_id
         WHERE r.id = ?`,
      )
      .get(input.runId);
    if (run === undefined)
      return new JournalError('journal.not-found', { what: 'run', id: input.runId });
    if (run.server !== input.target.server || run.account !== input.target.account) {
      return new JournalError('journal.not-found', { what: 'run-for-target', id: input.runId });
    }
    return new JournalError('journal.illegal-transition', {
      run: input.runId,
      operation: 'saveCollection',
      from: run.state,
    });
  }
}
