// Reads the members of one collection by multiget, a batch at a time, as an async generator:
// the engine's passes (survey, then grouping) each call it again, and each pass holds one batch
// of resources in memory (and the next one, asked for ahead), never the whole calendar. A member the server does not give back is a
// problem (its href named) and the reading goes on.
import type { ProblemFact } from '../../contract/problem.ts';
import type { DavClient } from '../../dav/dav-client.ts';
import { multiget } from '../../dav/multiget.ts';
import type { MultigetItem, MultigetKind } from '../../dav/multiget.ts';

export interface MemberReader {
  readonly client: DavClient;
  readonly collection: string;
  readonly kind: MultigetKind;
  /** Absolute URLs of the members, in a stable order. */
  readonly members: readonly string[];
  readonly batchSize: number;
  readonly signal: AbortSignal;
  readonly onProblem: (problem: ProblemFact) => void;
}

export async function* readMembers(reader: MemberReader): AsyncGenerator<string> {
  const { members, batchSize } = reader;
  const fetchBatch = (start: number): Promise<MultigetItem[]> => {
    const asked = multiget(
      reader.client,
      reader.collection,
      reader.kind,
      members.slice(start, start + batchSize),
      reader.signal,
    );
    // Handled here too: a pass the engine abandons must not leave an unhandled rejection.
    asked.catch(() => undefined);
    return asked;
  };
  // One batch is asked for ahead while the engine works on the current one, so the source's
  // round trips overlap the destination's PUTs: at most two batches in memory, never the whole.
  let next = members.length > 0 ? fetchBatch(0) : null;
  for (let start = 0; next !== null; start += batchSize) {
    const items = await next;
    next = start + batchSize < members.length ? fetchBatch(start + batchSize) : null;
    for (const item of items) {
      if (item.ok) yield item.data;
      else reader.onProblem({ code: item.code, where: item.url, params: { status: item.status } });
    }
  }
}

/** Each problem once, although every pass over the content meets it again. */
export function onceEach(sink: (problem: ProblemFact) => void): (problem: ProblemFact) => void {
  const seen = new Set<string>();
  return (problem) => {
    const key = `${problem.code}\n${problem.where}`;
    if (seen.has(key)) return;
    seen.add(key);
    sink(problem);
  };
}
