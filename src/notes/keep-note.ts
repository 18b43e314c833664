// The shape of one Google Keep note in a Takeout (`Keep/<title>.json`, beside an `.html` copy of
// the same note that is not read: one note, one file). Read leniently: Google adds fields over
// the years and leaves out the ones that are false or empty; a note that is not this shape at all
// is named in a problem, the others go on.
import { z } from 'zod';

export const KeepNote = z.object({
  title: z.string().optional(),
  textContent: z.string().optional(),
  listContent: z
    .array(z.object({ text: z.string().optional(), isChecked: z.boolean().optional() }))
    .optional(),
  labels: z.array(z.object({ name: z.string() })).optional(),
  attachments: z
    .array(z.object({ filePath: z.string(), mimetype: z.string().optional() }))
    .optional(),
  annotations: z
    .array(
      z.object({
        url: z.string().optional(),
        title: z.string().optional(),
        description: z.string().optional(),
      }),
    )
    .optional(),
  isTrashed: z.boolean().optional(),
  isArchived: z.boolean().optional(),
  isPinned: z.boolean().optional(),
  color: z.string().optional(),
  /** Microseconds since 1970, as Google writes them. */
  createdTimestampUsec: z.union([z.number(), z.string()]).optional(),
  userEditedTimestampUsec: z.union([z.number(), z.string()]).optional(),
});
export type KeepNote = z.infer<typeof KeepNote>;
