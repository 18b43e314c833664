// Takeout's Tasks.json → one task list (a CalDAV calendar holding VTODOs) per Google list, one
// resource per task. Deleted tasks are not copied (the family deleted them). Hidden tasks are:
// Google hides the completed tasks of a list when the family clears it, and they stay readable
// in Google under "Completed"; they arrive as completed tasks, which task apps file away too.
import ICAL from 'ical.js';
import type { ProblemFact } from '../contract/problem.ts';
import type { Translator } from '../i18n/create-i18n.ts';
import type { AssembledObject } from '../ical/assemble-calendar-object.ts';
import { assembleCalendarObject } from '../ical/assemble-calendar-object.ts';
import { readableStart, whereOf } from '../ical/describe-event.ts';
import { stripControlCharacters } from '../ical/strip-control-characters.ts';
import { taskToVtodo, taskUid, utcTime } from './task-to-vtodo.ts';
import type { TaskJson } from './tasks-json.ts';
import { TaskJson as TaskSchema, TaskListJson, TasksFileJson } from './tasks-json.ts';

export interface TaskResource extends AssembledObject {
  readonly uid: string;
  readonly where: string;
}

export type TaskOutcome =
  | { readonly status: 'ready'; readonly resource: TaskResource }
  | {
      readonly status: 'not-sent';
      readonly where: string;
      readonly problems: readonly ProblemFact[];
    };

export interface TaskListPlan {
  /** Google's list id, stable across exports: the key to find the list again on a re-run. */
  readonly id: string;
  readonly title: string;
  readonly displayName: string;
  readonly description: string;
  /** The new calendar must accept VTODO (MKCALENDAR supported-calendar-component-set). */
  readonly components: readonly ['VTODO'];
  readonly tasks: readonly TaskOutcome[];
  /** Tasks the family deleted in Google, not copied. */
  readonly deleted: number;
}

export interface TasksPlan {
  readonly lists: readonly TaskListPlan[];
  /** Problems about the file or a whole list (a task's own problems are in its outcome). */
  readonly problems: readonly ProblemFact[];
}

/** DTSTAMP for a task Google recorded no update time for: stable, so the content hash is too. */
const EPOCH_STAMP = ICAL.Time.fromJSDate(new Date(0), true);

function taskWhere(listTitle: string, raw: unknown, index: number): string {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const title = typeof record['title'] === 'string' ? record['title'] : undefined;
  const due =
    typeof record['due'] === 'string' ? readableStart(record['due'].slice(0, 10)) : undefined;
  return whereOf(title, due, `${listTitle} #${index + 1}`);
}

function prepareList(raw: unknown, index: number, t: Translator): TaskListPlan | ProblemFact {
  const list = TaskListJson.safeParse(raw);
  if (!list.success) {
    return { code: 'items.task-list-unreadable', where: `Tasks.json #${index + 1}`, params: {} };
  }
  const title = list.data.title?.trim() || list.data.id;
  const listStamp = utcTime(list.data.updated) ?? EPOCH_STAMP;
  const tasks: TaskOutcome[] = [];
  const readable: TaskJson[] = [];
  let deleted = 0;
  (list.data.items ?? []).forEach((item, position) => {
    const task = TaskSchema.safeParse(item);
    if (!task.success) {
      const where = taskWhere(title, item, position);
      tasks.push({
        status: 'not-sent',
        where,
        problems: [{ code: 'items.task-unreadable', where, params: {} }],
      });
    } else if (task.data.deleted) {
      deleted += 1;
    } else {
      readable.push(task.data);
    }
  });
  const copied = new Set(readable.map((task) => task.id));
  for (const task of readable) {
    const uid = taskUid(task.id);
    const where = whereOf(task.title, readableStart(task.due?.slice(0, 10)), uid);
    try {
      const parent = task.parent && copied.has(task.parent) ? taskUid(task.parent) : undefined;
      const todo = taskToVtodo(task, parent, listStamp);
      stripControlCharacters(todo);
      tasks.push({
        status: 'ready',
        resource: { uid, where, ...assembleCalendarObject(uid, [todo], []) },
      });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      tasks.push({
        status: 'not-sent',
        where,
        problems: [{ code: 'items.task-unreadable', where, params: { uid, detail } }],
      });
    }
  }
  return {
    id: list.data.id,
    title,
    displayName: t('items:tasks.list-name', { name: title }),
    description: t('items:tasks.list-description', { name: title }),
    components: ['VTODO'],
    tasks,
    deleted,
  };
}

/** `data` is Tasks.json as parsed by the Takeout reader (JSON.parse), not yet checked. */
export function prepareTaskLists(data: unknown, t: Translator): TasksPlan {
  const file = TasksFileJson.safeParse(data);
  if (!file.success) {
    return {
      lists: [],
      problems: [{ code: 'items.tasks-file-unreadable', where: 'Tasks.json', params: {} }],
    };
  }
  const lists: TaskListPlan[] = [];
  const problems: ProblemFact[] = [];
  file.data.items.forEach((raw, index) => {
    const outcome = prepareList(raw, index, t);
    if ('code' in outcome) problems.push(outcome);
    else lists.push(outcome);
  });
  return { lists, problems };
}
