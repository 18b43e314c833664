// "Undo this import" (DESIGN.md, step 7): deletes from the server what Baluchon created for this
// account — and only that. An item the family changed since (its etag moved) is kept and named;
// a calendar, address book or folder Baluchon made is removed only once nothing else is in it.
// The journal forgets what was deleted, so a later run would copy it again.
import type { ProblemFact } from '../contract/problem.ts';
import type { DavClient } from '../dav/dav-client.ts';
import { DavError } from '../dav/dav-error.ts';
import type { RetryDeps, RetryPolicy } from '../dav/retry.ts';
import { createFilesSink } from '../files/files-sink.ts';
import { filesAccountKinds } from './kind-planners.ts';
import type { Journal } from '../journal/journal.ts';
import type { Collection, ItemId, Target } from '../journal/types.ts';
import { textItemSink } from './dav-sinks.ts';
import { runPool } from '../util/run-pool.ts';

export interface UndoOutcome {
  deleted: number;
  kept: number;
  collectionsDeleted: number;
  collectionsKept: number;
}

export interface UndoDeps {
  journal: Journal;
  client: DavClient;
  target: Target;
  retry: RetryDeps;
  retryPolicy?: RetryPolicy;
  signal: AbortSignal;
  concurrency: number;
  onProgress: (done: number, total: number) => void;
  onProblem: (problem: ProblemFact) => void;
}

export async function undoImport(deps: UndoDeps): Promise<UndoOutcome> {
  const { journal, client, signal } = deps;
  const created = journal.createdBy({ target: deps.target });
  const outcome: UndoOutcome = { deleted: 0, kept: 0, collectionsDeleted: 0, collectionsKept: 0 };
  const removed: ItemId[] = [];
  let done = 0;
  const total = created.items.length + created.collections.length;

  await runPool(
    created.items,
    deps.concurrency,
    async (item) => {
      if (item.href !== null) {
        try {
          // Only our copy as we left it: If-Match its etag (a weak etag can never match, RFC 9110
          // §13.1.1, so it is not sent — Apache's fresh files have one).
          const strong = item.etag !== null && !item.etag.startsWith('W/') ? item.etag : undefined;
          await client.delete(item.href, {
            signal,
            ...(strong === undefined ? {} : { ifMatch: strong }),
          });
          removed.push(item.id);
          outcome.deleted++;
        } catch (error) {
          if (error instanceof DavError && error.code === 'dav.not-found') {
            removed.push(item.id);
          } else if (error instanceof DavError && error.code === 'dav.precondition-failed') {
            outcome.kept++;
            deps.onProblem({ code: 'migration.undo-changed', where: item.label });
          } else {
            if (signal.aborted || (error instanceof DavError && error.code === 'dav.unauthorized'))
              throw error;
            outcome.kept++;
            deps.onProblem({
              code: 'migration.undo-failed',
              where: item.label,
              params: { detail: error instanceof Error ? error.message : String(error) },
            });
          }
        }
      } else removed.push(item.id);
      deps.onProgress(++done, total);
    },
    signal,
  );
  journal.removeItems(removed);

  for (const collection of created.collections) {
    const left = await remaining(collection, deps);
    if (left === 0) {
      try {
        await client.delete(collection.href, { signal });
      } catch (error) {
        if (!(error instanceof DavError && error.code === 'dav.not-found')) throw error;
      }
      journal.removeCollection(collection.id);
      outcome.collectionsDeleted++;
    } else {
      outcome.collectionsKept++;
      deps.onProblem({
        code: 'migration.undo-not-empty',
        where: collection.displayName,
        params: { count: left },
      });
    }
    deps.onProgress(++done, total);
  }
  for (const run of journal.runs(deps.target)) {
    if (run.state !== 'running' && run.state !== 'undone') journal.markRunUndone(run.id);
  }
  return outcome;
}

/** What is still in a collection Baluchon made (the family's own additions, or kept items). */
async function remaining(collection: Collection, deps: UndoDeps): Promise<number> {
  const sink = filesAccountKinds.has(collection.kind)
    ? createFilesSink({
        client: deps.client,
        home: collection.href,
        retry: deps.retry,
        ...(deps.retryPolicy === undefined ? {} : { retryPolicy: deps.retryPolicy }),
      })
    : textItemSink(deps.client, 'text/plain');
  try {
    return (await sink.list(collection.href, deps.signal)).size;
  } catch (error) {
    if (error instanceof DavError && error.code === 'dav.not-found') return 0;
    throw error;
  }
}
