// A problem names one item that did not go as it should (a broken vCard, a refused event, an
// entry that tries to leave the archive) and why. The run goes on; the problem goes in the report.
import { z } from 'zod';

export const ProblemParams = z.record(z.string(), z.union([z.string(), z.number()]));

export const Problem = z.object({
  /** Stable code; the renderer translates `problems:<code>` with `params`. */
  code: z.string(),
  /** The item concerned, as the user can find it: an archive entry, a calendar and UID, a file. */
  where: z.string(),
  params: ProblemParams.optional(),
  /** The same explanation, already written in the service's language (CLI, JSON, saved report). */
  reason: z.string(),
});
export type Problem = z.infer<typeof Problem>;

/** A problem as the engine states it; the service writes its `reason` in the user's language. */
export type ProblemFact = Omit<Problem, 'reason'>;
