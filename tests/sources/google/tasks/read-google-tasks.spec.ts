// The family's task lists read live from the stand-in (every page), against the same family read
// from its archive's Tasks.json: the same facts, and the same VTODOs handed to the engine.
import { OAuth2Client } from 'google-auth-library';
import { describe, expect, it } from 'vitest';
import type { ProblemFact } from '../../../../src/contract/problem.ts';
import { endpointsUnder } from '../../../../src/google/google-endpoints.ts';
import type { GoogleApiContext } from '../../../../src/google/google-api-context.ts';
import { createI18n } from '../../../../src/i18n/create-i18n.ts';
import { readGoogleTasks } from '../../../../src/sources/google/tasks/read-google-tasks.ts';
import { familySpec } from '../../../fixtures/takeout/family-spec.ts';
import { tasksData } from '../../../standins/google/family/tasks-data.ts';
import { TokenBook, startGoogleStandIn } from '../../../standins/google/stand-in-server.ts';
import { TASKS_SCOPE, tasksApi } from '../../../standins/google/tasks-api.ts';
import type { TasksStandInData } from '../../../standins/google/tasks-api.ts';
import { collect, useFamilyArchive } from '../support/family-archive.ts';

const fr = createI18n('fr').t;
const signal = new AbortController().signal;
const spec = familySpec('fr');

const family = useFamilyArchive(spec, fr);

async function readLive(data: TasksStandInData, pageLimit: number) {
  const tokens = new TokenBook();
  const standIn = await startGoogleStandIn({ routes: [tasksApi(data, { pageLimit })], tokens });
  try {
    const auth = new OAuth2Client();
    auth.setCredentials({ access_token: tokens.issue([TASKS_SCOPE]) });
    const api: GoogleApiContext = {
      auth,
      endpoints: endpointsUnder(standIn.url),
      signal,
      call: (request) => request(signal),
    };
    const problems: ProblemFact[] = [];
    const reading = await readGoogleTasks({
      api,
      t: fr,
      onProblem: (problem) => problems.push(problem),
    });
    return { reading, problems, requests: [...standIn.requests] };
  } finally {
    await standIn.close();
  }
}

describe('readGoogleTasks against the stand-in', () => {
  it('reads every page and hands the engine the archive’s own task lists', async () => {
    const { reading, problems, requests } = await readLive(tasksData(spec), 1);
    expect(problems).toEqual([]);
    // One item a page: 2 lists, then 3 + 1 tasks (the deleted one is not asked for).
    expect(requests.filter((r) => r.includes('/users/@me/lists'))).toHaveLength(2);
    const taskPages = requests.filter((r) => r.includes('/tasks?'));
    expect(taskPages).toHaveLength(4);
    expect(
      taskPages.every((r) => r.includes('showHidden=true') && r.includes('showDeleted=false')),
    ).toBe(true);

    expect(reading.facts).toEqual(family().facts.tasks);
    expect(reading.facts).toEqual({
      count: 4,
      cleared: 1,
      lists: [
        { title: 'Courses', count: 3 },
        { title: 'Maison', count: 1 },
      ],
    });
    expect(reading.taskLists.map((list) => list.key)).toEqual([
      'google-tasks#list0',
      'google-tasks#list1',
    ]);
    expect(reading.taskLists).toHaveLength(family().taskLists.length);
    for (const [index, live] of reading.taskLists.entries()) {
      const fromArchive = family().taskLists[index];
      expect(live.displayName).toBe(fromArchive?.displayName);
      expect(live.count).toBe(fromArchive?.count);
      expect(live.problems).toEqual([]);
      const todos = await collect(live.content);
      expect(todos).toEqual(fromArchive === undefined ? [] : await collect(fromArchive.content));
      expect(todos.every((todo) => todo.startsWith('BEGIN:VTODO'))).toBe(true);
    }
  });

  it('a task Google gives without an id is named as a problem of its list, the others move', async () => {
    const data = tasksData(spec);
    const [first, ...rest] = data.lists;
    if (first === undefined) throw new Error('the family has task lists');
    const broken: TasksStandInData = {
      lists: [
        { ...first, tasks: [...first.tasks, { kind: 'tasks#task', title: 'sans id' }] },
        ...rest,
      ],
    };
    const { reading } = await readLive(broken, 100);
    const courses = reading.taskLists[0];
    expect(courses?.problems.map((problem) => [problem.code, problem.where])).toEqual([
      ['items.task-unreadable', 'sans id'],
    ]);
    expect(await collect(courses?.content ?? { key: '', header: {}, open: () => [] })).toHaveLength(
      3,
    );
  });
});
