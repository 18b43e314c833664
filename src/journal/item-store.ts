// The per-item protocol of the engine: planItem, then markSending BEFORE the request leaves,
// then exactly one of markSent / markFailed / markSkipped; later markVerified / markMissing.
// Each call is one SQL statement (one atomic commit): the UPDATE's `WHERE state IN (…)` comes
// from item-states.ts, so an illegal transition changes nothing and is diagnosed afterwards,
// off the hot path.
import type { Statement } from 'better-sqlite3';
import { JournalError } from './journal-error.ts';
import { itemTransitions } from './item-states.ts';
import type { ItemOperation, ItemState } from './item-states.ts';
import { toItem } from './rows.ts';
import type { ItemRow } from './rows.ts';
import type { StoreContext } from './store-context.ts';
import { sqlList } from './sql-list.ts';
import { isUniqueViolation } from './sqlite-errors.ts';
import { decide } from './item-protocol.ts';
import type {
  ItemProblemInput,
  Plan,
  PlanItemInput,
  PlanRow,
  SendingInput,
  SentInput,
  VerifiedCheck,
} from './item-protocol.ts';
import type { CollectionId, Item, ItemId, JsonValue } from './types.ts';

/** Server messages can be long HTML pages: the report needs the start only. */
const MAX_DETAIL = 2000;

const inState = (operation: ItemOperation): string =>
  `state IN (${sqlList(itemTransitions[operation].from)})`;

/** The item's run is running: every change but the read-back belongs to a running run. */
const runIsRunning = `run_id IN (SELECT id FROM runs WHERE state = 'running')`;

export class ItemStore {
  readonly #ctx: StoreContext;
  readonly #plan: Statement<
    [
      {
        runId: number;
        collectionId: number;
        sourceKey: string;
        label: string;
        size: number | null;
        hash: string;
        now: number;
      },
    ],
    PlanRow
  >;
  readonly #sendingCreate: Statement<[{ id: number; href: string; hash: string; now: number }]>;
  readonly #sendingUpdate: Statement<[{ id: number; href: string; hash: string; now: number }]>;
  readonly #sent: Statement<
    [{ id: number; etag: string | null; hash: string | null; size: number | null; now: number }]
  >;
  readonly #failed: Statement<[{ id: number; code: string; detail: string | null; now: number }]>;
  readonly #skipped: Statement<[{ id: number; code: string; detail: string | null; now: number }]>;
  readonly #verified: Statement<
    [{ id: number; keepEtag: number; etag: string | null; now: number }]
  >;
  readonly #missing: Statement<[{ id: number; now: number }]>;
  readonly #resume: Statement<[{ id: number; resume: string | null }]>;
  readonly #get: Statement<[number], ItemRow>;
  readonly #diagnose: Statement<
    [number],
    { state: ItemState; href: string | null; content_hash: string | null; run_state: string }
  >;
  readonly #ofCollection: Statement<[number], ItemRow>;
  readonly #remove: Statement<[number]>;

  constructor(ctx: StoreContext) {
    this.#ctx = ctx;
    const { db } = ctx;
    // One statement inserts a new item (`planned`) or notes that this run saw a known one. A
    // known item keeps its state (see item-states.ts); its outcome for this run becomes
    // `unchanged` when the server already holds this content, else null (to do). Seen again by
    // the same run (resumed after a crash), an item done by this run keeps its outcome: what
    // this run created stays counted as created.
    this.#plan = db.prepare(
      `INSERT INTO items (collection_id, target_id, kind, source_key, label, size, state,
         planned_hash, run_id, first_seen_at, updated_at)
       SELECT c.id, c.target_id, c.kind, @sourceKey, @label, @size, 'planned', @hash, r.id,
         @now, @now
       FROM collections c JOIN runs r ON r.id = @runId AND r.state = 'running'
         AND r.target_id = c.target_id
       WHERE c.id = @collectionId
       ON CONFLICT (collection_id, source_key) DO UPDATE SET
         label = excluded.label,
         size = coalesce(excluded.size, size),
         planned_hash = excluded.planned_hash,
         outcome = CASE
           WHEN state IN ('sent', 'verified') AND content_hash = excluded.planned_hash
             THEN CASE WHEN run_id = excluded.run_id AND outcome IN ('created', 'updated')
                       THEN outcome ELSE 'unchanged' END
           ELSE NULL END,
         run_id = excluded.run_id
       RETURNING id, state, href, etag, content_hash, attempt_hash, resume`,
    );
    // Two statements, one of which matches: a create (nothing of ours on the server) may take
    // a new href and is attributed to this run for undo as soon as it may leave; an update
    // keeps its href, and leaves the href and created-run indexes alone (an index in the SET
    // list is rewritten even when its value does not change). The resume blob survives only a
    // retry of the same content.
    const sending = `state = 'sending', attempt_hash = @hash, outcome = NULL,
      resume = CASE WHEN attempt_hash = @hash THEN resume ELSE NULL END,
      attempts = attempts + 1, updated_at = @now`;
    const mayLeave = `id = @id AND ${inState('markSending')} AND ${runIsRunning}`;
    this.#sendingCreate = db.prepare(
      `UPDATE items SET ${sending}, href = @href, created_run_id = run_id
       WHERE ${mayLeave} AND content_hash IS NULL`,
    );
    this.#sendingUpdate = db.prepare(
      `UPDATE items SET ${sending} WHERE ${mayLeave} AND content_hash IS NOT NULL AND href = @href`,
    );
    // All right-hand sides read the row as it was: `content_hash IS NULL` means "was a create".
    this.#sent = db.prepare(
      `UPDATE items SET state = 'sent', content_hash = coalesce(@hash, attempt_hash), etag = @etag,
         size = coalesce(@size, size),
         outcome = CASE WHEN content_hash IS NULL THEN 'created' ELSE 'updated' END,
         problem_code = NULL, problem_detail = NULL, resume = NULL,
         sent_at = @now, verified_at = NULL, updated_at = @now
       WHERE id = @id AND ${inState('markSent')} AND ${runIsRunning}`,
    );
    this.#failed = db.prepare(
      `UPDATE items SET state = 'failed', outcome = 'failed', problem_code = @code,
         problem_detail = @detail, updated_at = @now
       WHERE id = @id AND ${inState('markFailed')} AND ${runIsRunning}`,
    );
    this.#skipped = db.prepare(
      `UPDATE items SET state = 'skipped', outcome = 'skipped', problem_code = @code,
         problem_detail = @detail, resume = NULL, updated_at = @now
       WHERE id = @id AND ${inState('markSkipped')} AND ${runIsRunning}`,
    );
    // The read-back may happen after the run ended (`baluchon verify`): no running run needed.
    this.#verified = db.prepare(
      `UPDATE items SET state = 'verified',
         etag = CASE WHEN @keepEtag = 1 THEN etag ELSE @etag END,
         verified_at = @now, updated_at = @now
       WHERE id = @id AND ${inState('markVerified')}`,
    );
    // Not on the server: nothing of ours is there any more, the next plan says `create`.
    this.#missing = db.prepare(
      `UPDATE items SET state = 'missing', content_hash = NULL, etag = NULL, verified_at = NULL,
         updated_at = @now
       WHERE id = @id AND ${inState('markMissing')}`,
    );
    this.#resume = db.prepare(
      `UPDATE items SET resume = @resume WHERE id = @id AND state = 'sending'`,
    );
    this.#get = db.prepare('SELECT * FROM items WHERE id = ?');
    this.#diagnose = db.prepare(
      `SELECT i.state, i.href, i.content_hash, r.state AS run_state
       FROM items i JOIN runs r ON r.id = i.run_id WHERE i.id = ?`,
    );
    this.#ofCollection = db.prepare(
      'SELECT * FROM items WHERE collection_id = ? ORDER BY source_key',
    );
    this.#remove = db.prepare('DELETE FROM items WHERE id = ?');
  }

  plan(input: PlanItemInput): Plan {
    const row = this.#plan.get({
      runId: input.runId,
      collectionId: input.collectionId,
      sourceKey: input.sourceKey,
      label: input.label,
      size: input.size ?? null,
      hash: input.contentHash,
      now: this.#ctx.now(),
    });
    if (row === undefined) throw this.#planRefused(input);
    return decide(row, input.contentHash);
  }

  markSending(itemId: ItemId, input: SendingInput): void {
    const params = { id: itemId, href: input.href, hash: input.contentHash, now: this.#ctx.now() };
    let changes: number;
    try {
      changes = this.#sendingCreate.run(params).changes || this.#sendingUpdate.run(params).changes;
    } catch (error) {
      // The only unique index an UPDATE of href can hit: (target, href).
      if (!isUniqueViolation(error)) throw error;
      throw new JournalError(
        'journal.duplicate',
        { what: 'href', item: itemId, href: input.href },
        { cause: error },
      );
    }
    if (changes === 0) this.#refuse(itemId, 'markSending', input.href);
  }

  markSent(itemId: ItemId, input: SentInput): void {
    const params = {
      id: itemId,
      etag: input.etag,
      hash: input.contentHash ?? null,
      size: input.size ?? null,
      now: this.#ctx.now(),
    };
    if (this.#sent.run(params).changes === 0) this.#refuse(itemId, 'markSent');
  }

  markFailed(itemId: ItemId, problem: ItemProblemInput): void {
    if (this.#failed.run(this.#problemParams(itemId, problem)).changes === 0) {
      this.#refuse(itemId, 'markFailed');
    }
  }

  markSkipped(itemId: ItemId, problem: ItemProblemInput): void {
    if (this.#skipped.run(this.#problemParams(itemId, problem)).changes === 0) {
      this.#refuse(itemId, 'markSkipped');
    }
  }

  /** All or none: the caller runs this inside one transaction (see journal.ts). */
  markVerified(checks: readonly VerifiedCheck[]): void {
    const now = this.#ctx.now();
    for (const { itemId, etag } of checks) {
      const params = { id: itemId, keepEtag: etag === undefined ? 1 : 0, etag: etag ?? null, now };
      if (this.#verified.run(params).changes === 0) this.#refuse(itemId, 'markVerified');
    }
  }

  markMissing(itemId: ItemId): void {
    if (this.#missing.run({ id: itemId, now: this.#ctx.now() }).changes === 0) {
      this.#refuse(itemId, 'markMissing');
    }
  }

  /** Progress of a chunked upload (upload id, chunks done), kept while the item is `sending`. */
  saveResume(itemId: ItemId, resume: JsonValue | null): void {
    const json = resume === null ? null : JSON.stringify(resume);
    if (this.#resume.run({ id: itemId, resume: json }).changes === 0) {
      const item = this.get(itemId);
      throw new JournalError('journal.illegal-transition', {
        item: itemId,
        operation: 'saveResume',
        from: item.state,
      });
    }
  }

  get(itemId: ItemId): Item {
    const row = this.#get.get(itemId);
    if (row === undefined)
      throw new JournalError('journal.not-found', { what: 'item', id: itemId });
    return toItem(row);
  }

  ofCollection(collectionId: CollectionId): Item[] {
    return this.#ofCollection.all(collectionId).map(toItem);
  }

  /** Undo deleted it from the server. */
  remove(itemId: ItemId): boolean {
    return this.#remove.run(itemId).changes > 0;
  }

  #problemParams(itemId: ItemId, problem: ItemProblemInput) {
    const detail = problem.detail ?? null;
    return {
      id: itemId,
      code: problem.code,
      detail: detail === null ? null : detail.slice(0, MAX_DETAIL),
      now: this.#ctx.now(),
    };
  }

  /** Why an UPDATE changed nothing: read once, off the hot path. */
  #refuse(itemId: ItemId, operation: ItemOperation, href?: string): never {
    const row = this.#diagnose.get(itemId);
    if (row === undefined)
      throw new JournalError('journal.not-found', { what: 'item', id: itemId });
    const details = { item: itemId, operation, from: row.state };
    const needsRun = operation !== 'markVerified' && operation !== 'markMissing';
    if (needsRun && row.run_state !== 'running') {
      throw new JournalError('journal.illegal-transition', { ...details, run: row.run_state });
    }
    if (href !== undefined && row.content_hash !== null && row.href !== href) {
      throw new JournalError('journal.illegal-transition', { ...details, href: row.href ?? '' });
    }
    throw new JournalError('journal.illegal-transition', details);
  }

  #planRefused(input: PlanItemInput): JournalError {
    const { db } = this.#ctx;
    const collection = db
      .prepare<[number], { target_id: number }>('SELECT target_id FROM collections WHERE id = ?')
      .get(input.collectionId);
    if (collection === undefined) {
      return new JournalError('journal.not-found', { what: 'collection', id: input.collectionId });
    }
    const run = db
      .prepare<[number], { target_id: number; state: string }>(
        'SELECT target_id, state FROM runs WHERE id = ?',
      )
      .get(input.runId);
    if (run === undefined || run.target_id !== collection.target_id) {
      return new JournalError('journal.not-found', { what: 'run', id: input.runId });
    }
    return new JournalError('journal.illegal-transition', {
      run: input.runId,
      operation: 'planItem',
      from: run.state,
    });
  }
}
