// Google calendars → one new CalDAV calendar each, one resource per UID. Google's generated
// calendars (contacts' birthdays, public holidays) are not copied: DESIGN.md says birthdays live
// in the contacts and holidays are better subscribed to — the report says so.
import type { DavClient } from '../dav/dav-client.ts';
import type { Translator } from '../i18n/create-i18n.ts';
import { planCalendar } from '../ical/plan-calendar.ts';
import type { HolidayFeed } from '../ical/plan-calendar.ts';
import { prepareCalendarObjects } from '../ical/prepare-calendar-objects.ts';
import { surveyCalendar } from '../ical/survey-calendar.ts';
import type { TakeoutEntry } from '../takeout/takeout-source.ts';
import { collectionJob, slugFor } from './collection-job.ts';
import type { CollectionJob } from './collection-job.ts';
import { calendarCollectionSink, textItemSink } from './dav-sinks.ts';
import type { SourceEntry } from '../sink/item-sink.ts';
import { notSent, textItem } from './source-entries.ts';
import { calendarSource } from './takeout-readers.ts';

export interface CalendarJobsPlan {
  jobs: CollectionJob[];
  birthdaysLeftOut: boolean;
  holidayFeeds: HolidayFeed[] | null;
}

export const calendarContentType = 'text/calendar; charset=utf-8';

export async function planCalendarJobs(args: {
  entries: readonly TakeoutEntry[];
  client: DavClient;
  home: string;
  t: Translator;
  signal: AbortSignal;
}): Promise<CalendarJobsPlan> {
  const plan: CalendarJobsPlan = { jobs: [], birthdaysLeftOut: false, holidayFeeds: null };
  for (const entry of args.entries) {
    const source = await calendarSource(entry, args.signal);
    const survey = await surveyCalendar(source);
    const fileName =
      entry.path
        .split('/')
        .at(-1)
        ?.replace(/\.[^.]*$/, '') ?? entry.path;
    const calendar = planCalendar(source.header, survey.signs, args.t, { fallbackName: fileName });
    if (calendar.generated === 'birthdays') {
      plan.birthdaysLeftOut = true;
      continue;
    }
    if (calendar.generated === 'holidays') {
      plan.holidayFeeds =
        calendar.holidays?.kind === 'subscription'
          ? [...calendar.holidays.feeds]
          : (plan.holidayFeeds ?? []);
      continue;
    }
    plan.jobs.push(
      collectionJob({
        kind: 'calendars',
        spec: {
          sourceKey: entry.path,
          displayName: calendar.displayName,
          slug: slugFor(calendar.displayName, 'calendar'),
          color: calendar.color,
          description: calendar.description,
        },
        collectionSink: calendarCollectionSink(args.client, args.home, 'VEVENT'),
        itemSink: textItemSink(args.client, calendarContentType),
        found: survey.componentsPerUid.size,
        entries: async function* (): AsyncGenerator<SourceEntry<string>> {
          let position = 0;
          for await (const outcome of prepareCalendarObjects(source, survey)) {
            position += 1;
            if (outcome.status === 'ready') {
              yield textItem(outcome.resource, outcome.resource.ics, outcome.problems);
            } else {
              yield* notSent(
                outcome.uid ?? `${entry.path}#${position}`,
                outcome.where,
                outcome.problems,
              );
            }
          }
        },
      }),
    );
  }
  return plan;
}
