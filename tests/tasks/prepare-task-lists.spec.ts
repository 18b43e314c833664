import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { TaskOutcome, TaskResource } from '../../src/tasks/prepare-task-lists.ts';
import { prepareTaskLists } from '../../src/tasks/prepare-task-lists.ts';
import { createI18n } from '../../src/i18n/create-i18n.ts';

const fixture: unknown = JSON.parse(
  readFileSync(new URL('../fixtures/items/tasks/Tasks.json', import.meta.url), 'utf8'),
);
const fr = createI18n('fr').t;

const resources = (tasks: readonly TaskOutcome[]): TaskResource[] =>
  tasks.flatMap((task) => (task.status === 'ready' ? [task.resource] : []));

function todoOf(resource: TaskResource | undefined): ICAL.Component {
  const calendar = new ICAL.Component(ICAL.parse(resource?.ics ?? '') as unknown[]);
  const todos = calendar.getAllSubcomponents('vtodo');
  expect(todos).toHaveLength(1);
  expect(calendar.getAllSubcomponents()).toHaveLength(1);
  const [todo] = todos;
  if (!todo) throw new Error('no VTODO');
  return todo;
}

const plan = prepareTaskLists(fixture, fr);
const [myTasks, groceries] = plan.lists;
const byTitle = (title: string) =>
  resources(myTasks?.tasks ?? []).find((r) => todoOf(r).getFirstPropertyValue('summary') === title);

describe('prepareTaskLists', () => {
  it('makes one task list per Google list, named for the family', () => {
    expect(plan.lists.map((list) => [list.id, list.displayName, list.components])).toEqual([
      ['MTIzNDU2Nzg5MDEyMzQ1Njc4OTA6MDow', 'My Tasks (Google Tasks)', ['VTODO']],
      ['bGlzdGUtY291cnNlcw', 'Courses (Google Tasks)', ['VTODO']],
    ]);
    expect(plan.problems).toEqual([
      { code: 'items.task-list-unreadable', where: 'Tasks.json #3', params: {} },
    ]);
  });

  it('leaves deleted tasks out, keeps hidden (cleared, completed) ones', () => {
    expect(myTasks?.deleted).toBe(1);
    expect(byTitle('Tâche supprimée')).toBeUndefined();
    expect(todoOf(byTitle('Passeport')).getFirstPropertyValue('status')).toBe('COMPLETED');
  });

  it('writes an open task with its date, notes and order', () => {
    const todo = todoOf(byTitle('Acheter des timbres'));
    expect(todo.getFirstPropertyValue('uid')).toBe('dGFzay1hY2hldGVy@tasks.google.com');
    expect(todo.getFirstPropertyValue('status')).toBe('NEEDS-ACTION');
    const due = todo.getFirstProperty('due');
    expect([due?.type, String(due?.getFirstValue())]).toEqual(['date', '2024-05-10']);
    expect(todo.getFirstPropertyValue('description')).toBe('Au bureau de poste\nou au tabac');
    expect(String(todo.getFirstPropertyValue('last-modified'))).toBe('2024-05-01T10:00:00Z');
    expect(todo.getFirstPropertyValue('x-apple-sort-order')).toBe('1');
    expect(byTitle('Acheter des timbres')?.resourceName).toMatch(/^[0-9a-f]{40}\.ics$/);
  });

  it('writes a completed task with its completion time', () => {
    const todo = todoOf(byTitle('Passeport'));
    expect(String(todo.getFirstPropertyValue('completed'))).toBe('2024-04-20T18:30:04Z');
    expect(todo.getFirstPropertyValue('percent-complete')).toBe(100);
  });

  it('links a subtask to its parent, and not to a parent that is not copied', () => {
    const child = todoOf(byTitle('Photos d’identité')).getFirstProperty('related-to');
    expect(child?.getFirstValue()).toBe('dGFzay1wYXNzZXBvcnQ@tasks.google.com');
    expect(child?.getFirstParameter('reltype')).toBe('PARENT');
    expect(todoOf(byTitle('Sous-tâche d’une tâche supprimée')).hasProperty('related-to')).toBe(
      false,
    );
  });

  it('keeps Gmail’s link in the description and drops control characters', () => {
    const todo = todoOf(byTitle('Répondre à Paul'));
    expect(todo.getFirstPropertyValue('description')).toBe(
      'Re: vacances : https://mail.google.com/mail/#all/18e9c2f',
    );
  });

  it('reports an unreadable task by its title and copies the rest', () => {
    const broken = myTasks?.tasks.filter((task) => task.status === 'not-sent');
    expect(broken).toEqual([
      {
        status: 'not-sent',
        where: 'Sans identifiant',
        problems: [{ code: 'items.task-unreadable', where: 'Sans identifiant', params: {} }],
      },
    ]);
    expect(resources(myTasks?.tasks ?? [])).toHaveLength(5);
  });

  it('copes with an untitled task and an oversized position', () => {
    const [bread] = resources(groceries?.tasks ?? []);
    const todo = todoOf(bread);
    expect(todo.hasProperty('summary')).toBe(false);
    expect(todo.getFirstPropertyValue('description')).toBe('Pain');
    expect(todo.hasProperty('x-apple-sort-order')).toBe(false);
    // No `updated`: DTSTAMP falls back on the list's, so the content stays the same run to run.
    expect(String(todo.getFirstPropertyValue('dtstamp'))).toBe('2024-05-03T12:00:00Z');
  });

  it('gives the same resources on every run', () => {
    const again = prepareTaskLists(fixture, fr);
    expect(resources(again.lists[0]?.tasks ?? []).map((r) => r.contentHash)).toEqual(
      resources(myTasks?.tasks ?? []).map((r) => r.contentHash),
    );
  });

  it('says so when the file is not a Tasks export', () => {
    expect(prepareTaskLists({ hello: 'world' }, fr)).toEqual({
      lists: [],
      problems: [{ code: 'items.tasks-file-unreadable', where: 'Tasks.json', params: {} }],
    });
  });
});
