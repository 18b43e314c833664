import { describe, expect, it } from 'vitest';
import { readTasks, TasksFormatError } from '../../src/takeout/read-tasks.ts';

const tasks = (items: unknown[], title = 'Courses'): string =>
  JSON.stringify({ kind: 'tasks#taskLists', items: [{ kind: 'tasks#taskList', title, items }] });

describe('readTasks', () => {
  it('counts tasks per list, skipping deleted ones, counting cleared ones also apart', () => {
    const text = tasks([
      { title: 'pain', status: 'needsAction' },
      { title: 'lait', status: 'completed', completed: '2024-01-01T00:00:00.000Z' },
      { title: 'beurre', deleted: true },
      { title: 'vieux', status: 'completed', hidden: true },
      { title: 'sous-tâche', parent: 'x' },
    ]);
    expect(readTasks(text)).toEqual({
      lists: [{ title: 'Courses', count: 4 }],
      count: 4,
      cleared: 1,
    });
  });

  it('accepts lists without tasks and an export without lists', () => {
    expect(
      readTasks(JSON.stringify({ kind: 'tasks#taskLists', items: [{ title: 'Vide' }] })),
    ).toEqual({
      lists: [{ title: 'Vide', count: 0 }],
      count: 0,
      cleared: 0,
    });
    expect(readTasks(JSON.stringify({ kind: 'tasks#taskLists' })).count).toBe(0);
  });

  it.each([
    ['not JSON', '{"kind":"tasks#taskLists","items":[{'],
    ['another resource', JSON.stringify({ kind: 'tasks#task', title: 'x' })],
    ['items that are not a list', JSON.stringify({ kind: 'tasks#taskLists', items: {} })],
    ['a task that is not an object', tasks(['pain'])],
  ])('refuses %s', (_what, text) => {
    expect(() => readTasks(text)).toThrow(TasksFormatError);
  });
});
