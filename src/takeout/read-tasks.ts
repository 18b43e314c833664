// Google Tasks in Takeout: `Tasks/Tasks.json`, the Tasks API's own resources (TAKEOUT-NOTES §4):
// `{"kind":"tasks#taskLists","items":[{"kind":"tasks#taskList","title":…,"items":[task…]}]}`.
//
// Which tasks count: a task marked `deleted` is gone and is skipped. A `hidden` task is one that
// was completed and then cleared from the list ("Clear completed tasks" in Google Tasks): Google
// still shows it under "Completed", so it is the family's and moves, as a completed task (see
// src/tasks/prepare-task-lists.ts); how many of them there are is also given apart (`cleared`).

export interface TasksFacts {
  readonly lists: { title: string; count: number }[];
  readonly count: number;
  readonly cleared: number;
}

export class TasksFormatError extends Error {}

/** Files larger than this are not a task list (thousands of tasks weigh a few megabytes). */
export const MAX_TASKS_BYTES = 64 * 1024 * 1024;

export function readTasks(text: string): TasksFacts {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new TasksFormatError('not JSON');
  }
  if (!isObject(data) || data['kind'] !== 'tasks#taskLists') {
    throw new TasksFormatError('not a tasks#taskLists resource');
  }
  const lists: { title: string; count: number }[] = [];
  let count = 0;
  let cleared = 0;
  for (const list of arrayOf(data['items'])) {
    if (!isObject(list)) throw new TasksFormatError('a list is not an object');
    let listCount = 0;
    for (const task of arrayOf(list['items'])) {
      if (!isObject(task)) throw new TasksFormatError('a task is not an object');
      if (task['deleted'] === true) continue;
      if (task['hidden'] === true) cleared++;
      listCount++;
    }
    const title = typeof list['title'] === 'string' ? list['title'] : '';
    lists.push({ title, count: listCount });
    count += listCount;
  }
  return { lists, count, cleared };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayOf(value: unknown): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new TasksFormatError('items is not an array');
  return value as unknown[];
}
