// Errors cross every boundary as data: a stable code (what callers branch on), a message in the
// user's language (what people read) and optional details (what the message was built from).
import { z } from 'zod';

export const ErrorDetails = z.record(z.string(), z.union([z.string(), z.number()]));

export const ErrorData = z.object({
  code: z.string(),
  message: z.string(),
  details: ErrorDetails.optional(),
});
export type ErrorData = z.infer<typeof ErrorData>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorData };
