// The stand-in's Tasks API v1 (tests only), from Google's reference:
//   GET /tasks/v1/users/@me/lists  (maxResults ≤ 1000, default 1000 — 20 and 100 in older
//       versions of the reference; pageToken)
//   GET /tasks/v1/lists/{tasklist}/tasks  (maxResults ≤ 100, default 20; pageToken; showCompleted
//       default true; showHidden default false; showDeleted default false)
// Both need the tasks.readonly scope; an unknown list is 404 notFound.
import type { tasks_v1 } from '@googleapis/tasks';
import { pageOf } from './calendar-api.ts';
import { requireScope, sendGoogleError, sendJson } from './stand-in-server.ts';
import type { StandInRequest, StandInRoute } from './stand-in-server.ts';

export const TASKS_SCOPE = 'https://www.googleapis.com/auth/tasks.readonly';

export interface StandInTaskList {
  readonly list: tasks_v1.Schema$TaskList & { readonly id: string };
  readonly tasks: readonly tasks_v1.Schema$Task[];
}

export interface TasksStandInData {
  readonly lists: readonly StandInTaskList[];
}

const LISTS_PATH = '/tasks/v1/users/@me/lists';
const TASKS_PATH = /^\/tasks\/v1\/lists\/([^/]+)\/tasks$/;

function flag(request: StandInRequest, name: string, byDefault: boolean): boolean {
  const value = request.url.searchParams.get(name);
  return value === null ? byDefault : value === 'true';
}

export function tasksApi(
  data: TasksStandInData,
  options: { readonly pageLimit?: number } = {},
): StandInRoute {
  return (request) => {
    const { pathname } = request.url;
    if (request.req.method !== 'GET') return false;
    if (pathname === LISTS_PATH || pathname === '/tasks/v1/users/%40me/lists') {
      if (!requireScope(request, TASKS_SCOPE)) return true;
      const page = pageOf(
        request,
        data.lists.map((entry) => entry.list),
        1000,
        1000,
        options,
      );
      if (page === null) return true;
      sendJson(request.res, { kind: 'tasks#taskLists', etag: '"lists"', ...page });
      return true;
    }
    const match = TASKS_PATH.exec(pathname);
    if (match === null) return false;
    if (!requireScope(request, TASKS_SCOPE)) return true;
    const id = decodeURIComponent(match[1] ?? '');
    const list = data.lists.find((entry) => entry.list.id === id);
    if (list === undefined) {
      sendGoogleError(request.res, 404, 'notFound', 'Task list not found.');
      return true;
    }
    const showCompleted = flag(request, 'showCompleted', true);
    const showHidden = flag(request, 'showHidden', false);
    const showDeleted = flag(request, 'showDeleted', false);
    const tasks = list.tasks.filter(
      (task) =>
        (showCompleted || task.status !== 'completed') &&
        (showHidden || task.hidden !== true) &&
        (showDeleted || task.deleted !== true),
    );
    const page = pageOf(request, tasks, 20, 100, options);
    if (page === null) return true;
    sendJson(request.res, { kind: 'tasks#tasks', etag: '"tasks"', ...page });
    return true;
  };
}
