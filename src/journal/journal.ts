// The migration journal: one object over one SQLite file, used by one process at a time (see
// open-journal.ts). Every method is synchronous and atomic (one statement or one transaction):
// whatever instant the process dies at, the file holds either the state before or the state
// after, never half of it.
import type { Database } from 'better-sqlite3';
import { CollectionStore } from './collection-store.ts';
import type { SaveCollectionInput } from './collection-store.ts';
import { deleteJournalFiles } from './journal-files.ts';
import { JournalError } from './journal-error.ts';
import type { ItemState } from './item-states.ts';
import { ItemStore } from './item-store.ts';
import type {
  ItemProblemInput,
  Plan,
  PlanItemInput,
  SendingInput,
  SentInput,
  VerifiedCheck,
} from './item-protocol.ts';
import { ReportQueries } from './report-queries.ts';
import { RunStore } from './run-store.ts';
import type { BeginRunInput, RunEnd } from './run-store.ts';
import type { StoreContext } from './store-context.ts';
import { translateSqliteError } from './sqlite-errors.ts';
import type {
  Collection,
  CollectionId,
  Counts,
  CreatedByUs,
  Item,
  ItemId,
  JsonValue,
  MigrationKind,
  Run,
  RunId,
  RunTally,
  Scope,
  StateCounts,
  Target,
} from './types.ts';

export class Journal {
  /** The journal file. */
  readonly path: string;
  /** Runs found `running` when the journal was opened (their process had died). */
  readonly interruptedAtOpen: number;
  readonly #db: Database;
  readonly #runs: RunStore;
  readonly #collections: CollectionStore;
  readonly #items: ItemStore;
  readonly #reports: ReportQueries;

  /** Use openJournal(): it checks the version, migrates and locks the file first. */
  constructor(ctx: StoreContext, path: string) {
    this.path = path;
    this.#db = ctx.db;
    this.#runs = new RunStore(ctx);
    this.#collections = new CollectionStore(ctx);
    this.#items = new ItemStore(ctx);
    this.#reports = new ReportQueries(ctx);
    this.interruptedAtOpen = this.#guard(() =>
      this.#db
        .transaction(() => {
          const ids = this.#runs.interruptAll();
          for (const id of ids) this.#runs.saveSummary(id, this.#reports.runCounts(id));
          return ids.length;
        })
        .immediate(),
    );
  }

  // ── Runs ──────────────────────────────────────────────────────────────────────────────────

  beginRun(input: BeginRunInput): Run {
    return this.#guard(() => this.#runs.begin(input));
  }

  /** Continues an interrupted, stopped or cancelled run under its own id. */
  resumeRun(runId: RunId): Run {
    return this.#guard(() => this.#runs.resume(runId));
  }

  /** Ends a run and keeps its counts as its summary. */
  endRun(runId: RunId, end: RunEnd): Run {
    return this.#guard(() =>
      this.#db.transaction(() => {
        this.#runs.end(runId, end);
        this.#runs.saveSummary(runId, this.#reports.runCounts(runId));
        return this.#runs.get(runId);
      })(),
    );
  }

  markRunUndone(runId: RunId): Run {
    return this.#guard(() => this.#runs.markUndone(runId));
  }

  getRun(runId: RunId): Run {
    return this.#guard(() => this.#runs.get(runId));
  }

  /** Every run for a target, newest first. */
  runs(target: Target): Run[] {
    return this.#guard(() => this.#runs.ofTarget(target));
  }

  /** Runs of a target that did not reach their end (interrupted, stopped, cancelled). */
  interruptedRuns(target: Target): Run[] {
    return this.#guard(() => this.#runs.interrupted(target));
  }

  // ── Collections ───────────────────────────────────────────────────────────────────────────

  findCollection(target: Target, kind: MigrationKind, sourceKey: string): Collection | undefined {
    return this.#guard(() => this.#collections.find(target, kind, sourceKey));
  }

  saveCollection(input: SaveCollectionInput): Collection {
    return this.#guard(() => this.#collections.save(input));
  }

  markCollectionReady(collectionId: CollectionId): Collection {
    return this.#guard(() => this.#collections.markReady(collectionId));
  }

  getCollection(collectionId: CollectionId): Collection {
    return this.#guard(() => this.#collections.get(collectionId));
  }

  collections(target: Target): Collection[] {
    return this.#guard(() => this.#collections.ofTarget(target));
  }

  // ── Items (the hot path: one statement each) ──────────────────────────────────────────────

  planItem(input: PlanItemInput): Plan {
    return this.#guard(() => this.#items.plan(input));
  }

  /**
   * Plans a batch in one transaction (all or none): a re-run of 50,000 unchanged items is a few
   * hundred commits instead of 50,000. Planning sends nothing, so batching it is safe.
   */
  planItems(inputs: readonly PlanItemInput[]): Plan[] {
    return this.#guard(() =>
      this.#db.transaction(() => inputs.map((input) => this.#items.plan(input)))(),
    );
  }

  /** BEFORE the request leaves. */
  markSending(itemId: ItemId, input: SendingInput): void {
    this.#guard(() => {
      this.#items.markSending(itemId, input);
    });
  }

  markSent(itemId: ItemId, input: SentInput): void {
    this.#guard(() => {
      this.#items.markSent(itemId, input);
    });
  }

  markFailed(itemId: ItemId, problem: ItemProblemInput): void {
    this.#guard(() => {
      this.#items.markFailed(itemId, problem);
    });
  }

  /** Deliberately not sent (with the reason's code); still counted in the report. */
  markSkipped(itemId: ItemId, problem: ItemProblemInput): void {
    this.#guard(() => {
      this.#items.markSkipped(itemId, problem);
    });
  }

  /** Read back and found as sent; all the checks are recorded, or none. */
  markVerified(checks: readonly VerifiedCheck[]): void {
    this.#guard(() => {
      this.#db.transaction(() => {
        this.#items.markVerified(checks);
      })();
    });
  }

  /** Read back and not found on the server. */
  markMissing(itemId: ItemId): void {
    this.#guard(() => {
      this.#items.markMissing(itemId);
    });
  }

  saveResume(itemId: ItemId, resume: JsonValue | null): void {
    this.#guard(() => {
      this.#items.saveResume(itemId, resume);
    });
  }

  getItem(itemId: ItemId): Item {
    return this.#guard(() => this.#items.get(itemId));
  }

  /** Every item of a collection, to compare with the server's listing. */
  collectionItems(collectionId: CollectionId): Item[] {
    return this.#guard(() => this.#items.ofCollection(collectionId));
  }

  // ── Read side ─────────────────────────────────────────────────────────────────────────────

  runCounts(runId: RunId): Counts<RunTally> {
    return this.#guard(() => this.#reports.runCounts(runId));
  }

  targetCounts(target: Target): Counts<StateCounts> {
    return this.#guard(() => this.#reports.targetCounts(target));
  }

  itemsInStates(scope: Scope, states: readonly ItemState[]): Item[] {
    return this.#guard(() => this.#reports.itemsInStates(scope, states));
  }

  /** The failed items with their problem, for the report. */
  failedItems(scope: Scope): Item[] {
    return this.itemsInStates(scope, ['failed']);
  }

  /** What "undo this import" may delete (only what Baluchon created). */
  createdBy(scope: Scope): CreatedByUs {
    return this.#guard(() => this.#reports.createdBy(scope));
  }

  // ── Undo and forget ───────────────────────────────────────────────────────────────────────

  /** After undo deleted them from the server: the next run will create them again. */
  removeItems(itemIds: readonly ItemId[]): number {
    return this.#guard(() =>
      this.#db.transaction(() => itemIds.filter((id) => this.#items.remove(id)).length)(),
    );
  }

  /** After undo deleted it from the server; its items go with it. */
  removeCollection(collectionId: CollectionId): boolean {
    return this.#guard(() => this.#collections.remove(collectionId));
  }

  /**
   * Removes every trace of a target: runs, collections, items, and the bytes they occupied
   * (VACUUM rewrites the file without the freed pages, the checkpoint empties the WAL).
   * Refused while one of its runs is running. Returns whether the target was known.
   */
  forgetTarget(target: Target): boolean {
    return this.#guard(() => {
      const targetId = this.#runs.targetId(target);
      if (targetId === undefined) return false;
      this.#db
        .transaction(() => {
          const running = this.#db
            .prepare(`SELECT id FROM runs WHERE target_id = ? AND state = 'running'`)
            .pluck()
            .get(targetId);
          if (running !== undefined) {
            throw new JournalError('journal.run-in-progress', { run: running as number });
          }
          this.#db.prepare('DELETE FROM targets WHERE id = ?').run(targetId);
        })
        .immediate();
      this.#db.exec('VACUUM');
      this.#db.pragma('wal_checkpoint(TRUNCATE)');
      return true;
    });
  }

  /** Closes the journal and deletes its files: nothing of any family remains. */
  forgetEverything(): void {
    this.close();
    deleteJournalFiles(this.path);
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }

  #guard<T>(work: () => T): T {
    if (!this.#db.open) throw new JournalError('journal.closed');
    try {
      return work();
    } catch (error) {
      throw translateSqliteError(error);
    }
  }
}
