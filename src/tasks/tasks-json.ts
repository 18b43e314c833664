// The shape of Takeout's `Tasks/Tasks.json` (TAKEOUT-NOTES §4; fields as in the Tasks API v1
// `tasks#task` resource). Read leniently: one odd task must not cost the others, so lists and
// tasks are checked one by one and unknown fields are ignored.
import { z } from 'zod';

export const TaskJson = z.object({
  id: z.string().min(1),
  title: z.string().optional(),
  notes: z.string().optional(),
  status: z.enum(['needsAction', 'completed']).optional(),
  /** RFC 3339; Google keeps only the date (midnight UTC). */
  due: z.string().optional(),
  completed: z.string().optional(),
  updated: z.string().optional(),
  parent: z.string().optional(),
  position: z.string().optional(),
  hidden: z.boolean().optional(),
  deleted: z.boolean().optional(),
  links: z
    .array(
      z.object({
        type: z.string().optional(),
        description: z.string().optional(),
        link: z.string(),
      }),
    )
    .optional(),
});
export type TaskJson = z.infer<typeof TaskJson>;

export const TaskListJson = z.object({
  id: z.string().min(1),
  title: z.string().optional(),
  updated: z.string().optional(),
  /** Checked task by task, see `prepareTaskLists`. */
  items: z.array(z.unknown()).optional(),
});
export type TaskListJson = z.infer<typeof TaskListJson>;

export const TasksFileJson = z.object({
  kind: z.literal('tasks#taskLists').optional(),
  items: z.array(z.unknown()),
});
