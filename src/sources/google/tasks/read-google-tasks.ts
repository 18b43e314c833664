// The family's task lists read live from the Tasks API: `tasklists.list`, then `tasks.list` for
// each list (every page, 100 a page: the API's maximum), completed and hidden tasks included —
// hidden ones are the completed tasks the family cleared, still theirs, moved as completed tasks
// as from an archive — deleted ones left out (showDeleted=false).
//
// The API's task and list resources are exactly what Takeout's Tasks.json holds (TAKEOUT-NOTES
// §4: `{"kind":"tasks#taskLists","items":[list + "items":[task…]]}`). The lists read are put in
// that shape and handed to the archive's own reader (src/sources/takeout/takeout-task-lists.ts,
// src/tasks/*): the engine gets the same VTODOs, counts and problems from both ways, by
// construction, and a change in one is a change in both.
import { tasks as tasksApi } from '@googleapis/tasks';
import type { tasks_v1 } from '@googleapis/tasks';
import { takeoutTaskLists } from '../../takeout/takeout-task-lists.ts';
import type { GoogleReadOptions, GoogleTasksReading } from '../google-readings.ts';
import { allPages } from '../calendar/all-pages.ts';

const PER_PAGE = 100;

/** The task lists' keys: `google-tasks#<list id>` (Google's list ids are stable). */
export const TASKS_KEY = 'google-tasks';

export async function readGoogleTasks(options: GoogleReadOptions): Promise<GoogleTasksReading> {
  const { api } = options;
  const client = tasksApi({ version: 'v1', auth: api.auth, rootUrl: api.endpoints.tasks });
  const lists: tasks_v1.Schema$TaskList[] = [];
  for await (const items of allPages(api, (signal, pageToken) =>
    client.tasklists.list(
      { maxResults: PER_PAGE, ...(pageToken ? { pageToken } : {}) },
      { signal, retry: false },
    ),
  )) {
    lists.push(...items);
  }
  const withTasks: (tasks_v1.Schema$TaskList & { items: tasks_v1.Schema$Task[] })[] = [];
  let read = 0;
  for (const list of lists) {
    if (list.id == null) continue;
    const items: tasks_v1.Schema$Task[] = [];
    for await (const page of allPages(api, (signal, pageToken) =>
      client.tasks.list(
        {
          tasklist: list.id ?? '',
          showCompleted: true,
          // Google's own apps hide a task once completed; only showHidden lists those.
          showHidden: true,
          showDeleted: false,
          maxResults: PER_PAGE,
          ...(pageToken ? { pageToken } : {}),
        },
        { signal, retry: false },
      ),
    )) {
      // Deleted tasks are not asked for; one a server sends anyway is still not the family's.
      items.push(...page.filter((task) => task.deleted !== true));
      read += page.length;
      options.onItems?.(read);
    }
    withTasks.push({ ...list, items });
  }
  const file = JSON.stringify({ kind: 'tasks#taskLists', items: withTasks });
  const taskLists = takeoutTaskLists(TASKS_KEY, file, options.t, options.onProblem);
  return {
    taskLists,
    facts: {
      count: withTasks.reduce((sum, list) => sum + list.items.length, 0),
      lists: withTasks.map((list) => ({ title: list.title ?? '', count: list.items.length })),
      cleared: withTasks.reduce(
        (sum, list) => sum + list.items.filter((task) => task.hidden === true).length,
        0,
      ),
    },
  };
}
