// Verification by read-back: list what the server really holds in the collection and compare it
// with the journal. Items found are verified (with the etag read back); items the journal says
// were sent but the server does not list are missing (and will be sent again by the next run).
// The report's numbers come from here, not from the upload's hopes.
import type { ProblemFact } from '../contract/problem.ts';
import { canonicalUrl } from '../dav/collections.ts';
import type { Journal } from '../journal/journal.ts';
import type { VerifiedCheck } from '../journal/item-protocol.ts';
import type { Collection } from '../journal/types.ts';
import type { ItemSink } from '../sink/item-sink.ts';

export interface VerifyOutcome {
  verified: number;
  missing: number;
  /** Items on the server that no source item accounts for (duplicates would show here). */
  unexpected: number;
}

export async function verifyCollection<P>(
  collection: Collection,
  journal: Journal,
  sink: ItemSink<P>,
  signal: AbortSignal,
  onProblem: (problem: ProblemFact) => void,
): Promise<VerifyOutcome> {
  const remote = new Map(
    [...(await sink.list(collection.href, signal))].map(([url, state]) => [
      canonicalUrl(url),
      state,
    ]),
  );
  const checks: VerifiedCheck[] = [];
  const accounted = new Set<string>();
  let missing = 0;
  for (const item of journal.collectionItems(collection.id)) {
    if (item.href !== null) accounted.add(canonicalUrl(item.href));
    if (
      item.href === null ||
      (item.state !== 'sent' && item.state !== 'verified' && item.state !== 'missing')
    ) {
      continue;
    }
    const found = remote.get(canonicalUrl(item.href));
    if (found === undefined) {
      journal.markMissing(item.id);
      missing++;
      onProblem({ code: 'migration.missing', where: item.label });
      continue;
    }
    if (item.size !== null && found.size !== null && found.size !== item.size) {
      journal.markMissing(item.id);
      missing++;
      onProblem({
        code: 'migration.wrong-size',
        where: item.label,
        params: { expected: item.size, found: found.size },
      });
      continue;
    }
    checks.push({ itemId: item.id, etag: found.etag });
  }
  journal.markVerified(checks);
  const unexpected = collection.createdByUs
    ? [...remote.keys()].filter((url) => !accounted.has(url)).length
    : 0;
  if (unexpected > 0) {
    onProblem({
      code: 'migration.unexpected',
      where: collection.displayName,
      params: { count: unexpected },
    });
  }
  return { verified: checks.length, missing, unexpected };
}
