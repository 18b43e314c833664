// What a prepared calendar object, task or card becomes for the engine: an item to send, or an
// item that will not be sent with its reason. Shared by the calendar, task and contact jobs.
import type { ProblemFact } from '../contract/problem.ts';
import type { SourceEntry } from '../sink/item-sink.ts';

/** A resource ready to PUT as text (iCalendar or vCard), named and hashed by its preparation. */
export interface PreparedText {
  readonly uid: string;
  readonly where: string;
  readonly contentHash: string;
  readonly resourceName: string;
}

export function textItem(
  resource: PreparedText,
  payload: string,
  notes?: readonly ProblemFact[],
): SourceEntry<string> {
  return {
    type: 'item',
    item: {
      sourceKey: resource.uid,
      label: resource.where,
      contentHash: resource.contentHash,
      relativeHref: resource.resourceName,
      size: null,
      payload,
      ...(notes === undefined ? {} : { notes }),
    },
  };
}

/** An item that will not be sent: the first problem is its reason, the others are told too. */
export function* notSent<P>(
  sourceKey: string,
  label: string,
  problems: readonly ProblemFact[],
): Generator<SourceEntry<P>> {
  const [reason, ...others] = problems;
  yield {
    type: 'skipped',
    skipped: {
      sourceKey,
      label,
      problem: reason ?? { code: 'migration.item-failed', where: label },
    },
  };
  for (const problem of others) yield { type: 'problem', problem };
}
