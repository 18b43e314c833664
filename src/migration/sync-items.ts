// Moves the items of one collection, each through the journal's protocol (plan → mark sending →
// send → mark sent/failed), at most `concurrency` at a time. Nothing is sent twice: conditional
// requests (If-None-Match: * to create, If-Match to update) turn every doubt into a 412, after
// which we look at the server before deciding. A failure of one item is recorded and reported;
// a failure that no other item can escape (password refused, server full) stops the run.
import type { ProblemFact } from '../contract/problem.ts';
import { DavError } from '../dav/dav-error.ts';
import type { Journal } from '../journal/journal.ts';
import type { Plan } from '../journal/item-protocol.ts';
import type { ItemOutcome } from '../contract/migrate.ts';
import type { CollectionId, RunId } from '../journal/types.ts';
import { BaluchonError } from '../errors/baluchon-error.ts';
import type { RemoteState } from '../dav/remote-state.ts';
import type { ItemSink, OutgoingItem, SendOptions, SourceEntry } from '../sink/item-sink.ts';
import { runPool } from '../util/run-pool.ts';

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
  try {
    await syncPlanned(item, ctx);
  } finally {
    item.release?.();
  }
}

async function syncPlanned<P>(item: OutgoingItem<P>, ctx: SyncContext<P>): Promise<void> {
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
    // A sink's own coded errors (a file damaged in the archive, a checksum that differs) are
    // recorded under their code, like the server's.
    const reason = error instanceof BaluchonError ? error : undefined;
    ctx.journal.markFailed(plan.itemId, {
      code: reason?.code ?? 'internal',
      detail:
        reason?.details?.['detail']?.toString() ??
        (error instanceof Error ? error.message : String(error)),
    });
    if (error instanceof DavError && (await stopsEverything(error, ctx))) throw new StopRun(error);
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
      return create(
        plan.itemId,
        plan.href ?? ctx.sink.hrefFor(ctx.collectionHref, item),
        item,
        ctx,
      );
    case 'update':
      return update(plan.itemId, plan.href, plan.etag, item, ctx, {
        countsAsCreation: false,
        earlierAttempt: earlierAttemptFailed(plan.itemId, ctx),
      });
    case 'resume': {
      // The last attempt may or may not have arrived: look before sending again.
      const remote = await ctx.sink.probe(plan.href, ctx.signal);
      if (remote === null) return create(plan.itemId, plan.href, item, ctx);
      const untouched = plan.etag !== null && remote.etag === plan.etag;
      if (!untouched && plan.attemptHash === item.contentHash && sameKnownSize(item, remote)) {
        ctx.journal.markSent(plan.itemId, {
          etag: remote.etag,
          contentHash: plan.attemptHash,
          size: remote.size,
        });
        return plan.contentHash === null ? 'created' : 'updated';
      }
      // Still the old copy, or something we cannot tell from our attempt (a text the server
      // rewrote, an older attempt, half a file): send what we have now, over what is there.
      return update(plan.itemId, plan.href, remote.etag, item, ctx, {
        countsAsCreation: plan.contentHash === null,
        earlierAttempt: false,
      });
    }
    case 'unchanged':
      return 'unchanged';
  }
}

/**
 * Whether the item's last attempt failed: a failure is no proof that the request did not reach
 * the server (an answer lost, then a refusal on the retry), so a change found there may be ours
 * rather than the family's. Not when that failure was itself the family's change (412).
 */
function earlierAttemptFailed<P>(itemId: Plan['itemId'], ctx: SyncContext<P>): boolean {
  const item = ctx.journal.getItem(itemId);
  return item.state === 'failed' && item.problem?.code !== 'dav.precondition-failed';
}

/**
 * Whether what the server holds can be taken for the item without sending it again: only a
 * copy of the same known size (a file). Servers rewrite calendar and contact text, so for those
 * nothing tells our attempt from an older one (a journal forgotten since): they are sent again
 * over it, with If-Match, which costs one small request on a rare path.
 */
function sameKnownSize(item: { size: number | null }, remote: RemoteState): boolean {
  return item.size !== null && remote.size === item.size;
}

async function create<P>(
  itemId: Plan['itemId'],
  href: string,
  item: OutgoingItem<P>,
  ctx: SyncContext<P>,
): Promise<ItemOutcome> {
  ctx.journal.markSending(itemId, { href, contentHash: item.contentHash });
  try {
    const remote = await ctx.sink.send(
      href,
      item,
      options(ctx, itemId, { create: true, ifMatch: null }),
    );
    sent(ctx, itemId, remote);
    return 'created';
  } catch (error) {
    if (!isPrecondition(error)) throw error;
    // Something is already there, in a collection Baluchon made, at the name it chose for this
    // item: an attempt of ours (a retry after a cut connection, a crash, a journal forgotten
    // since), never another item of the family's.
    const remote = await ctx.sink.probe(href, ctx.signal);
    if (remote === null) throw error;
    if (sameKnownSize(item, remote)) {
      sent(ctx, itemId, remote);
      return 'created';
    }
    return update(itemId, href, remote.etag, item, ctx, {
      countsAsCreation: true,
      earlierAttempt: false,
    });
  }
}

async function update<P>(
  itemId: Plan['itemId'],
  href: string,
  etag: string | null,
  item: OutgoingItem<P>,
  ctx: SyncContext<P>,
  how: { countsAsCreation: boolean; earlierAttempt: boolean; overwrites?: number },
): Promise<ItemOutcome> {
  ctx.journal.markSending(itemId, { href, contentHash: item.contentHash });
  try {
    const remote = await ctx.sink.send(
      href,
      item,
      options(ctx, itemId, { create: false, ifMatch: etag }),
    );
    sent(ctx, itemId, remote);
    return how.countsAsCreation ? 'created' : 'updated';
  } catch (error) {
    if (!isPrecondition(error)) throw error;
    const remote = await ctx.sink.probe(href, ctx.signal);
    // Gone from the server (deleted, or never arrived): create it again.
    if (remote === null) return create(itemId, href, item, ctx);
    // The change found is our own write when this request's first answer was lost (its retry
    // met the etag it had made), or most likely when the item's last attempt failed unseen.
    const ours = (error instanceof DavError && error.afterLostAnswer) || how.earlierAttempt;
    // Changed on the server since we sent it: the family's edit wins, and the report says so.
    if (!ours) throw error;
    if (sameKnownSize(item, remote) && error instanceof DavError && error.afterLostAnswer) {
      sent(ctx, itemId, remote);
      return how.countsAsCreation ? 'created' : 'updated';
    }
    const overwrites = (how.overwrites ?? 0) + 1;
    if (overwrites > maxOverwrites) throw error;
    return update(itemId, href, remote.etag, item, ctx, {
      countsAsCreation: how.countsAsCreation,
      earlierAttempt: false,
      overwrites,
    });
  }
}

/** Each overwrite follows a fresh 412: more than this is a server changing under our feet. */
const maxOverwrites = 3;

function sent<P>(ctx: SyncContext<P>, itemId: Plan['itemId'], remote: RemoteState): void {
  ctx.journal.markSent(itemId, { etag: remote.etag, size: remote.size });
}

function options<P>(
  ctx: SyncContext<P>,
  itemId: Plan['itemId'],
  condition: { create: boolean; ifMatch: string | null },
): SendOptions {
  return {
    ...condition,
    signal: ctx.signal,
    ...(ctx.events.onBytes === undefined ? {} : { onBytes: ctx.events.onBytes }),
    // Read only by sinks that need it (a large file's chunked upload), so the hot path of small
    // items pays nothing.
    resume: () => ctx.journal.getItem(itemId).resume,
    saveResume: (resume) => {
      ctx.journal.saveResume(itemId, resume);
    },
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
