// The Dupont family's task lists as the Tasks API would give them (tests only): the same ids,
// titles, positions, states and stamps as the archive's Tasks.json (tests/fixtures/takeout/
// takeout-spec.ts renderTasks), which is Google's own API resource written to a file — so the
// two ways hold the same tasks, deleted and hidden ones included (the API hides them unless
// asked, as Google does).
import type { TakeoutSpec } from '../../../fixtures/takeout/takeout-spec.ts';
import type { TasksStandInData } from '../tasks-api.ts';

export function tasksData(spec: TakeoutSpec): TasksStandInData {
  return {
    lists: (spec.taskLists ?? []).map((list, l) => ({
      list: {
        kind: 'tasks#taskList',
        id: `list${l}`,
        etag: '"list"',
        title: list.title,
        updated: '2024-01-01T00:00:00.000Z',
        selfLink: `https://www.googleapis.com/tasks/v1/users/@me/lists/list${l}`,
      },
      tasks: list.tasks.map((task, t) => ({
        kind: 'tasks#task',
        id: `task${l}-${t}`,
        etag: '"task"',
        title: task.title,
        updated: '2024-01-01T00:00:00.000Z',
        selfLink: `https://www.googleapis.com/tasks/v1/lists/list${l}/tasks/task${l}-${t}`,
        position: String(t).padStart(20, '0'),
        status: task.completed === true ? 'completed' : 'needsAction',
        ...(task.completed === true ? { completed: '2024-01-02T00:00:00.000Z' } : {}),
        ...(task.deleted === true ? { deleted: true } : {}),
        ...(task.hidden === true ? { hidden: true } : {}),
      })),
    })),
  };
}
