// Google Tasks through the port: Tasks.json → VTODO components → the calendar planner's
// preparation. Each task must come out byte for byte as src/tasks prepared it before the port
// (same UID, resource name and content hash), so journals of earlier runs resume sending nothing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProblemFact } from '../../src/contract/problem.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';
import { prepareCalendarObjects } from '../../src/ical/prepare-calendar-objects.ts';
import { surveyCalendar } from '../../src/ical/survey-calendar.ts';
import { takeoutTaskLists } from '../../src/sources/takeout/takeout-task-lists.ts';
import { prepareTaskLists } from '../../src/tasks/prepare-task-lists.ts';

const t = createI18n('fr').t;
const text = readFileSync('tests/fixtures/items/tasks/Tasks.json', 'utf8');

describe('takeoutTaskLists', () => {
  it('gives each task the resource src/tasks gave it, list by list', async () => {
    const before = prepareTaskLists(JSON.parse(text) as unknown, t);
    const told: ProblemFact[] = [];
    const lists = takeoutTaskLists('Tasks/Tasks.json', text, t, (problem) => told.push(problem));
    expect(told).toEqual(before.problems);
    expect(lists.map((list) => list.displayName)).toEqual(
      before.lists.map((list) => list.displayName),
    );
    for (const [index, list] of lists.entries()) {
      const expected = before.lists[index];
      if (expected === undefined) throw new Error('a list too many');
      expect(list.key).toBe(`Tasks/Tasks.json#${expected.id}`);
      expect(list.count).toBe(expected.tasks.length);
      const survey = await surveyCalendar(list.content);
      const after = new Map<string, { hash: string; name: string }>();
      for await (const outcome of prepareCalendarObjects(list.content, survey)) {
        if (outcome.status !== 'ready') continue;
        after.set(outcome.resource.uid, {
          hash: outcome.resource.contentHash,
          name: outcome.resource.resourceName,
        });
      }
      const ready = expected.tasks.flatMap((task) => (task.status === 'ready' ? [task] : []));
      expect(after.size).toBe(ready.length);
      for (const task of ready) {
        expect(after.get(task.resource.uid), task.resource.uid).toEqual({
          hash: task.resource.contentHash,
          name: task.resource.resourceName,
        });
      }
      const refused = expected.tasks.filter((task) => task.status === 'not-sent').length;
      expect(list.problems).toHaveLength(refused);
    }
  });
});
