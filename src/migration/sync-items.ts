// Moves the items of one collection, each through the journal's protocol (plan → mark sending →
// send → mark sent/failed), at most `concurrency` at a time. Nothing is sent twice: conditional
// requests (If-None-Match: * to create, If-Match to update) turn every doubt into a 412, after
// which we look at the server before deciding. A failure of one item is recorded and reported;
// a failure that no other item can escape (password refused, server full) stops the run.
import type { ProblemFact } from '../contract/problem.ts';
import { DavError } from '../dav/dav-error.ts';
import type { Journal } from '../journal/journal.ts';
import type { Plan } from '../journal/item-protocol.ts';
import type { CollectionId, RunId } from '../journal/types.ts';
import { BaluchonError } from '../service/baluchon-error.ts';
import type { ItemSink, OutgoingItem, RemoteState, SourceEntry } from './item-sink.ts';
import { runPool } from './run-pool.ts';

export type ItemOutcome = 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';

export interface SyncEvents {
  onItem(outcome: ItemOutcome, label: string, bytes: number): void;
  onProblem(problem: ProblemFact): void;
  /** Bytes of an item in flight (large files), for the progress bar. */
  onBytes?: (bytes: number) => void;
}

export interface SyncContext<P> {
  journal: Journal;
  runId: RunId;
  collectionId: CollectionId;
  collectionHref: string;
  sink: ItemSink<P>;
  concurrency: number;
  signal: AbortSignal;
  events: SyncEvents;
}

/** The run cannot go on (401, 403 on the whole account, 507): every item would fail the same way. */
export class StopRun extends BaluchonError {
  constructor(readonly reason: DavError) {
    super(reason.code, reason.details, { cause: reason });
    this.name = 'StopRun';
  }
}

export async function syncItems<P>(
  entries: AsyncIterable<SourceEntry<P>> | Iterable<SourceEntry<P>>,
  ctx: SyncContext<P>,
): Promise<void> {
  await runPool(
    entries,
    ctx.concurrency,
    async (entry) => {
      if (entry.type === 'problem') ctx.events.onProblem(entry.problem);
      else if (entry.type === 'skipped') skip(entry.skipped, ctx);
      else await syncOne(entry.item, ctx);
    },
    ctx.signal,
  );
}

function skip<P>(
  skipped: { sourceKey: string; label: string; problem: ProblemFact },
  ctx: SyncContext<P>,
): void {
  const plan = ctx.journal.planItem({
    runId: ctx.runId,
    collectionId: ctx.collectionId,
    sourceKey: skipped.sourceKey,
    // A skipped item has no content to compare; its reason stands for it.
    contentHash: `skipped:${skipped.problem.code}`,
    label: skipped.label,
  });
  ctx.journal.markSkipped(plan.itemId, {
    code: skipped.problem.code,
    detail: skipped.problem.params === undefined ? null : JSON.stringify(skipped.problem.params),
  });
  ctx.events.onProblem(skipped.problem);
  ctx.events.onItem('skipped', skipped.label, 0);
}

async function syncOne<P>(item: OutgoingItem<P>, ctx: SyncContext<P>): Promise<void> {
  const plan = ctx.journal.planItem({
    runId: ctx.runId,
    collectionId: ctx.collectionId,
    sourceKey: item.sourceKey,
    contentHash: item.contentHash,
    label: item.label,
    size: item.size,
  });
  for (const note of item.notes ?? []) ctx.events.onProblem(note);
  if (plan.action === 'unchanged') {
    ctx.events.onItem('unchanged', item.label, 0);
    return;
  }
  try {
    const outcome = await act(plan, item, ctx);
    ctx.events.onItem(outcome, item.label, item.size ?? 0);
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    const reason = error instanceof DavError ? error : undefined;
    ctx.journal.markFailed(plan.itemId, {
      code: reason?.code ?? 'internal',
      detail:
        reason?.details?.['detail']?.toString() ??
        (error instanceof Error ? error.message : String(error)),
    });
    if (reason !== undefined && (await stopsEverything(reason, ctx))) throw new StopRun(reason);
    ctx.events.onProblem({
      code: reason === undefined ? 'migration.item-failed' : reason.code,
      where: item.label,
      params: {
        ...(reason?.details ?? {}),
        ...(reason === undefined
          ? { detail: error instanceof Error ? error.message : String(error) }
          : {}),
      },
    });
    ctx.events.onItem('failed', item.label, 0);
  }
}

async function act<P>(
  plan: Plan,
  item: OutgoingItem<P>,
  ctx: SyncContext<P>,
): Promise<ItemOutcome> {
  switch (plan.action) {
    case 'create':
      // A name used before means an earlier attempt, which may have arrived although it failed.
      return create(
        plan.itemId,
        plan.href ?? ctx.sink.hrefFor(ctx.collectionHref, item),
        item,
        ctx,
        plan.href === null ? null : earlierAttempt(plan.itemId, ctx),
      );
    case 'update':
      return update(plan.itemId, plan.href, plan.etag, item, ctx, {
        countsAsCreation: false,
        earlier: earlierAttempt(plan.itemId, ctx),
      });
    case 'resume': {
      // The last attempt may or may not have arrived: look before sending again.
      const remote = await ctx.sink.probe(plan.href, ctx.signal);
      if (remote === null) return create(plan.itemId, plan.href, item, ctx, plan.attemptHash);
      const untouched = plan.etag !== null && remote.etag === plan.etag;
      const partial = item.size !== null && remote.size !== null && remote.size !== item.size;
      if (untouched || partial || plan.attemptHash !== item.contentHash) {
        // Still the old copy, half a file, or an older attempt: send what we have now.
        return update(plan.itemId, plan.href, remote.etag, item, ctx, {
          countsAsCreation: plan.contentHash === null,
          earlier: null,
        });
      }
      ctx.journal.markSent(plan.itemId, {
        etag: remote.etag,
        contentHash: plan.attemptHash,
        size: remote.size,
      });
      return plan.contentHash === null ? 'created' : 'updated';
    }
    case 'unchanged':
      return 'unchanged';
  }
}

/** The content hash of the item's last attempt when it ended without proof either way (a
 * failure, an interruption): that attempt may have reached the server. */
function earlierAttempt<P>(itemId: Plan['itemId'], ctx: SyncContext<P>): string | null {
  const item = ctx.journal.getItem(itemId);
  return item.attemptHash !== null && item.attemptHash !== item.contentHash
    ? item.attemptHash
    : null;
}

/**
 * Whether a 412 at `href` is our own doing: the retry of a request whose first answer was lost,
 * or an earlier attempt with this very content that failed without proof it had not arrived.
 * Both write this item's content at a name Baluchon chose in a collection it made.
 */
function ownEarlierWrite(error: unknown, earlier: string | null, item: { contentHash: string }) {
  return (error instanceof DavError && error.afterLostAnswer) || earlier === item.contentHash;
}

async function create<P>(
  itemId: Plan['itemId'],
  href: string,
  item: OutgoingItem<P>,
  ctx: SyncContext<P>,
  earlier: string | null,
): Promise<ItemOutcome> {
  ctx.journal.markSending(itemId, { href, contentHash: item.contentHash });
  try {
    const remote = await ctx.sink.send(href, item, options(ctx, { create: true, ifMatch: null }));
    sent(ctx, itemId, remote);
    return 'created';
  } catch (error) {
    if (!isPrecondition(error)) throw error;
    // Something is already there, in a collection Baluchon made, at the name it chose for this
    // item: an attempt of ours whose answer was lost (a retry after a cut connection, a crash,
    // a journal forgotten since).
    const remote = await ctx.sink.probe(href, ctx.signal);
    if (remote === null) throw error;
    const partial = item.size !== null && remote.size !== null && remote.size !== item.size;
    if (ownEarlierWrite(error, earlier, item) && !partial) {
      sent(ctx, itemId, remote);
      return 'created';
    }
    // Half a file, or an attempt whose content we cannot know (an older version of the item):
    // replace it by what we have now.
    return update(itemId, href, remote.etag, item, ctx, { countsAsCreation: true, earlier: null });
  }
}

async function update<P>(
  itemId: Plan['itemId'],
  href: string,
  etag: string | null,
  item: OutgoingItem<P>,
  ctx: SyncContext<P>,
  how: { countsAsCreation: boolean; earlier: string | null },
): Promise<ItemOutcome> {
  ctx.journal.markSending(itemId, { href, contentHash: item.contentHash });
  try {
    const remote = await ctx.sink.send(href, item, options(ctx, { create: false, ifMatch: etag }));
    sent(ctx, itemId, remote);
    return how.countsAsCreation ? 'created' : 'updated';
  } catch (error) {
    if (!isPrecondition(error)) throw error;
    const remote = await ctx.sink.probe(href, ctx.signal);
    // Gone from the server (deleted, or never arrived): create it again.
    if (remote === null) return create(itemId, href, item, ctx, null);
    const partial = item.size !== null && remote.size !== null && remote.size !== item.size;
    if (ownEarlierWrite(error, how.earlier, item) && !partial) {
      sent(ctx, itemId, remote);
      return how.countsAsCreation ? 'created' : 'updated';
    }
    // Changed on the server since we sent it: the family's edit wins, and the report says so.
    throw error;
  }
}

function sent<P>(ctx: SyncContext<P>, itemId: Plan['itemId'], remote: RemoteState): void {
  ctx.journal.markSent(itemId, { etag: remote.etag, size: remote.size });
}

function options<P>(
  ctx: SyncContext<P>,
  condition: { create: boolean; ifMatch: string | null },
): {
  create: boolean;
  ifMatch: string | null;
  signal: AbortSignal;
  onBytes?: (bytes: number) => void;
} {
  return {
    ...condition,
    signal: ctx.signal,
    ...(ctx.events.onBytes === undefined ? {} : { onBytes: ctx.events.onBytes }),
  };
}

function isPrecondition(error: unknown): boolean {
  return error instanceof DavError && error.code === 'dav.precondition-failed';
}

/** 401 and 507 stop everything. A 403 may concern one item only (a name the server forbids):
 * it stops the run only when the collection itself is refused too. */
async function stopsEverything<P>(error: DavError, ctx: SyncContext<P>): Promise<boolean> {
  if (error.code === 'dav.unauthorized' || error.code === 'dav.server-full') return true;
  if (error.code !== 'dav.forbidden') return false;
  try {
    await ctx.sink.probe(ctx.collectionHref, ctx.signal);
    return false;
  } catch (probeError) {
    return (
      probeError instanceof DavError &&
      (probeError.code === 'dav.forbidden' || probeError.code === 'dav.unauthorized')
    );
  }
}
