// One Google task → one VTODO (RFC 5545 §3.6.2), as Nextcloud Tasks, Thunderbird and
// tasks.org/DAVx⁵ read it:
//   title → SUMMARY, notes (+ the links Gmail adds) → DESCRIPTION,
//   due → DUE;VALUE=DATE (Google keeps only the date, sent as midnight UTC: the UTC date is the
//   day the family chose), status → STATUS NEEDS-ACTION | COMPLETED (+ COMPLETED, and
//   PERCENT-COMPLETE:100 for clients that read that), parent → RELATED-TO;RELTYPE=PARENT,
//   updated → LAST-MODIFIED and DTSTAMP (Google records no creation time),
//   position → X-APPLE-SORT-ORDER, the manual order Nextcloud Tasks and Apple keep.
import ICAL from 'ical.js';
import type { TaskJson } from './tasks-json.ts';

/** Google's task ids are unique per account; the suffix keeps them apart from any other UID. */
export function taskUid(id: string): string {
  return `${id}@tasks.google.com`;
}

/** RFC 3339 (`2020-12-18T17:30:04.050Z`) → an ical.js UTC date-time, or undefined. */
export function utcTime(value: string | undefined): ICAL.Time | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  return ICAL.Time.fromJSDate(date, true);
}

/** The calendar day of a Google due date: its UTC date part. */
export function dueDate(value: string | undefined): ICAL.Time | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!match) return undefined;
  return ICAL.Time.fromDateString(`${match[1]}-${match[2]}-${match[3]}`);
}

function description(task: TaskJson): string | undefined {
  const parts = [task.notes?.trim() ?? ''];
  for (const link of task.links ?? []) {
    parts.push(link.description ? `${link.description} : ${link.link}` : link.link);
  }
  const text = parts.filter((part) => part !== '').join('\n\n');
  return text === '' ? undefined : text;
}

const MAX_SORT_ORDER = 2_147_483_647;

export function taskToVtodo(
  task: TaskJson,
  parentUid: string | undefined,
  fallbackStamp: ICAL.Time,
): ICAL.Component {
  const todo = new ICAL.Component('vtodo');
  const updated = utcTime(task.updated);
  todo.addPropertyWithValue('uid', taskUid(task.id));
  todo.addPropertyWithValue('dtstamp', updated ?? fallbackStamp);
  const title = task.title?.trim();
  if (title) todo.addPropertyWithValue('summary', title);
  const text = description(task);
  if (text) todo.addPropertyWithValue('description', text);
  const due = dueDate(task.due);
  if (due) todo.addPropertyWithValue('due', due);
  if (task.status === 'completed') {
    todo.addPropertyWithValue('status', 'COMPLETED');
    const completed = utcTime(task.completed);
    if (completed) todo.addPropertyWithValue('completed', completed);
    todo.addPropertyWithValue('percent-complete', 100);
  } else {
    todo.addPropertyWithValue('status', 'NEEDS-ACTION');
  }
  if (parentUid) {
    const related = todo.addPropertyWithValue('related-to', parentUid);
    related.setParameter('reltype', 'PARENT');
  }
  if (updated) todo.addPropertyWithValue('last-modified', updated);
  const position = Number(task.position);
  if (task.position !== undefined && Number.isSafeInteger(position) && position <= MAX_SORT_ORDER) {
    todo.addPropertyWithValue('x-apple-sort-order', String(position));
  }
  return todo;
}
