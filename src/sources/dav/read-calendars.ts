// From the calendar collections of an account to the port's calendars and task lists. A
// collection that may hold both kinds (no supported-calendar-component-set, or VEVENT and VTODO:
// Xandikos' and Nextcloud's default calendar) is split by a calendar-query for VTODO: its events
// become a calendar, its tasks a task list, so the engine handles one shape per collection.
import type { ProblemFact } from '../../contract/problem.ts';
import type { DavClient } from '../../dav/dav-client.ts';
import { listTaskMembers } from '../../dav/list-members.ts';
import { hrefKey } from '../../dav/report.ts';
import type { CalendarSource } from '../../ical/calendar-source.ts';
import type { SourceCalendar, SourceTaskList } from '../source.ts';
import type { DavCollection } from './list-collections.ts';
import { readMembers } from './member-content.ts';
import { splitComponents } from './split-components.ts';

export interface CalendarReading {
  readonly client: DavClient;
  readonly batchSize: number;
  readonly signal: AbortSignal;
  readonly onProblem: (problem: ProblemFact) => void;
  readonly listMembers: (collection: DavCollection) => Promise<string[]>;
}

export async function readCalendarCollection(
  collection: DavCollection,
  reading: CalendarReading,
): Promise<{ calendar: SourceCalendar | null; taskList: SourceTaskList | null }> {
  const members = await reading.listMembers(collection);
  const { components } = collection;
  const mayEvent = components.length === 0 || components.some((c) => c !== 'VTODO');
  const mayTask = components.length === 0 || components.includes('VTODO');
  let events = members;
  let tasks: string[] = [];
  if (!mayEvent) {
    events = [];
    tasks = members;
  } else if (mayTask && members.length > 0) {
    const taskKeys = await listTaskMembers(reading.client, collection.url, reading.signal);
    events = members.filter((url) => !taskKeys.has(hrefKey(url)));
    tasks = members.filter((url) => taskKeys.has(hrefKey(url)));
  }
  // A collection with tasks only is a task list; an empty one stays what it says it is.
  const isCalendar = events.length > 0 || (tasks.length === 0 && mayEvent);
  return {
    calendar: isCalendar ? calendarOf(collection, events, reading) : null,
    taskList:
      tasks.length > 0
        ? taskListOf(collection, tasks, reading, isCalendar ? `${collection.path}#VTODO` : null)
        : null,
  };
}

function contentOf(
  collection: DavCollection,
  members: readonly string[],
  reading: CalendarReading,
): CalendarSource {
  const header: Record<string, string> = { 'X-WR-CALNAME': collection.displayName };
  if (collection.description !== null) header['X-WR-CALDESC'] = collection.description;
  if (collection.color !== null) header['X-APPLE-CALENDAR-COLOR'] = collection.color;
  return {
    key: collection.path,
    header,
    async *open() {
      const resources = readMembers({
        client: reading.client,
        collection: collection.url,
        kind: 'calendar',
        members,
        batchSize: reading.batchSize,
        signal: reading.signal,
        onProblem: reading.onProblem,
      });
      for await (const text of resources) yield* splitComponents(text);
    },
  };
}

function calendarOf(
  collection: DavCollection,
  members: readonly string[],
  reading: CalendarReading,
): SourceCalendar {
  return {
    key: collection.path,
    displayName: collection.displayName,
    description: collection.description,
    color: collection.color,
    // RFC 4791 §4.1: one calendar object resource holds one UID (with its overrides).
    count: members.length,
    // Another host's calendar is the family's own: ordinary, named and coloured as it was.
    identity: {
      role: 'ordinary',
      displayName: collection.displayName,
      color: collection.color,
      description: collection.description,
      holidayFeeds: null,
    },
    content: contentOf(collection, members, reading),
  };
}

function taskListOf(
  collection: DavCollection,
  members: readonly string[],
  reading: CalendarReading,
  splitKey: string | null,
): SourceTaskList {
  return {
    key: splitKey ?? collection.path,
    displayName: collection.displayName,
    description: collection.description,
    color: collection.color,
    count: members.length,
    content: contentOf(collection, members, reading),
    problems: [],
  };
}
