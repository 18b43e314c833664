// A source's calendars → one new CalDAV calendar each, one resource per UID. What each calendar
// is was decided once, when the source was read (src/sources/calendar-identity.ts): Google's
// generated calendars (contacts' birthdays, public holidays) are not copied — DESIGN.md says
// birthdays live in the contacts and holidays are better subscribed to; the report says so.
import type { DavClient } from '../dav/dav-client.ts';
import { prepareCalendarObjects } from '../ical/prepare-calendar-objects.ts';
import type { CalendarSource } from '../ical/calendar-source.ts';
import { surveyCalendar } from '../ical/survey-calendar.ts';
import { fallbackColor } from '../sources/calendar-identity.ts';
import type { SourceCalendar, SourceTaskList } from '../sources/source.ts';
import { collectionJob, slugFor } from './collection-job.ts';
import type { CollectionJob } from './collection-job.ts';
import { calendarCollectionSink, textItemSink } from './dav-sinks.ts';
import type { CollectionSpec, SourceEntry } from '../sink/item-sink.ts';
import { notSent, textItem } from './source-entries.ts';

/** A public holiday feed to subscribe to instead of a copied holiday calendar (Etalab's zones). */
export interface HolidayFeed {
  readonly zone: string;
  readonly url: string;
}

export interface CalendarJobsPlan {
  jobs: CollectionJob[];
  birthdaysLeftOut: boolean;
  holidayFeeds: HolidayFeed[] | null;
}

const calendarContentType = 'text/calendar; charset=utf-8';

export async function planCalendarJobs(args: {
  calendars: readonly SourceCalendar[];
  client: DavClient;
  home: string;
  signal: AbortSignal;
}): Promise<CalendarJobsPlan> {
  const plan: CalendarJobsPlan = { jobs: [], birthdaysLeftOut: false, holidayFeeds: null };
  for (const calendar of args.calendars) {
    const { identity } = calendar;
    if (identity.role === 'birthdays') {
      plan.birthdaysLeftOut = true;
      continue;
    }
    if (identity.role === 'holidays') {
      // No feed known for this one: the family's calendar app offers holidays (an empty list).
      plan.holidayFeeds =
        identity.holidayFeeds === null
          ? (plan.holidayFeeds ?? [])
          : identity.holidayFeeds.map((feed) => ({ zone: feed.name, url: feed.url }));
      continue;
    }
    const color = /^#[0-9a-f]{6}$/i.test(identity.color ?? '')
      ? (identity.color as string)
      : fallbackColor(calendar.displayName);
    plan.jobs.push(
      await componentsJob(
        'calendars',
        {
          sourceKey: calendar.key,
          ...(calendar.aliases === undefined ? {} : { aliases: calendar.aliases }),
          displayName: identity.displayName,
          slug: slugFor(identity.displayName, 'calendar'),
          // Apple's calendar-color, as Nextcloud and DAVx⁵ read it.
          color: color.toUpperCase(),
          ...(identity.description === null ? {} : { description: identity.description }),
        },
        calendar.content,
        [],
        args,
        'VEVENT',
      ),
    );
  }
  return plan;
}

/** A source's task lists → one CalDAV task list (a calendar of VTODOs) each. */
export async function planTaskJobs(args: {
  taskLists: readonly SourceTaskList[];
  client: DavClient;
  home: string;
  signal: AbortSignal;
}): Promise<CollectionJob[]> {
  const jobs: CollectionJob[] = [];
  for (const list of args.taskLists) {
    jobs.push(
      await componentsJob(
        'tasks',
        {
          sourceKey: list.key,
          ...(list.aliases === undefined ? {} : { aliases: list.aliases }),
          displayName: list.displayName,
          slug: slugFor(list.displayName, 'tasks'),
          ...(list.description === null ? {} : { description: list.description }),
        },
        list.content,
        list.problems,
        args,
        'VTODO',
      ),
    );
  }
  return jobs;
}

/**
 * One calendar collection from components grouped by UID: a first pass (the survey) counts each
 * UID's components so the second pass (prepare, while sending) hands a UID over as soon as its
 * last component arrived — two reads, so memory follows one UID, not the whole calendar.
 */
async function componentsJob(
  kind: 'calendars' | 'tasks',
  spec: CollectionSpec,
  content: CalendarSource,
  refused: SourceTaskList['problems'],
  args: { client: DavClient; home: string },
  component: 'VEVENT' | 'VTODO',
): Promise<CollectionJob> {
  const survey = await surveyCalendar(content);
  return collectionJob({
    kind,
    spec,
    collectionSink: calendarCollectionSink(args.client, args.home, component),
    itemSink: textItemSink(args.client, calendarContentType),
    found: survey.componentsPerUid.size + refused.length,
    entries: async function* (): AsyncGenerator<SourceEntry<string>> {
      let position = 0;
      for await (const outcome of prepareCalendarObjects(content, survey)) {
        position += 1;
        if (outcome.status === 'ready') {
          yield textItem(outcome.resource, outcome.resource.ics, outcome.problems);
        } else {
          yield* notSent(
            outcome.uid ?? `${spec.sourceKey}#${position}`,
            outcome.where,
            outcome.problems,
          );
        }
      }
      // Items the source itself could not read (an unreadable task): skipped, with their reason.
      let index = 0;
      for (const problem of refused) {
        index += 1;
        yield* notSent(`${spec.sourceKey}#refused-${index}`, problem.where, [problem]);
      }
    },
  });
}
