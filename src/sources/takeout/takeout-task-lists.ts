// Google Tasks (Tasks.json) as the port's task lists: each Google list becomes VTODO components
// (src/tasks), so the engine handles tasks from any source in one shape — a calendar of VTODOs.
// A task that cannot be turned into a VTODO is told as a problem of its list; a list or file
// that cannot be read at all goes to `onProblem` (the inventory's kindProblems: told when tasks
// move, as before the port — the scan counted the file's readable tasks and says nothing more).
import type { ProblemFact } from '../../contract/problem.ts';
import type { Translator } from '../../i18n/create-i18n.ts';
import { prepareTaskLists } from '../../tasks/prepare-task-lists.ts';
import type { SourceTaskList } from '../source.ts';

/** The VTODO of an assembled VCALENDAR (ical.js writes `BEGIN:VTODO` at a line start). */
const VTODO = /BEGIN:VTODO\r\n[\s\S]*?END:VTODO\r\n/;

export function takeoutTaskLists(
  path: string,
  text: string,
  t: Translator,
  onProblem: (problem: ProblemFact) => void,
): SourceTaskList[] {
  let data: unknown;
  try {
    data = JSON.parse(text) as unknown;
  } catch {
    data = undefined;
  }
  const plan = prepareTaskLists(data, t);
  for (const problem of plan.problems) onProblem(problem);
  return plan.lists.map((list) => {
    const todos: string[] = [];
    const problems: ProblemFact[] = [];
    for (const task of list.tasks) {
      const todo = task.status === 'ready' ? VTODO.exec(task.resource.ics)?.[0] : undefined;
      if (todo !== undefined) todos.push(todo);
      else if (task.status === 'not-sent') problems.push(...task.problems.slice(0, 1));
    }
    // Google's list id is stable across exports: the list is found again on a re-run.
    const key = `${path}#${list.id}`;
    return {
      key,
      // The list's id is the same in the archive and live: one task list either way.
      aliases: [`google-task-list:${list.id}`],
      displayName: list.displayName,
      description: list.description,
      color: null,
      count: list.tasks.length,
      content: { key, header: {}, open: () => todos },
      problems,
    };
  });
}
