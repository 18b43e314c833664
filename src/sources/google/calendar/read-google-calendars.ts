// The family's calendars read live from the Calendar API: `calendarList.list` (every page,
// showHidden so that a calendar the family hid from the side bar is not lost), then for each
// ordinary calendar `events.list` with singleEvents=false (series stay series) and showDeleted
// (deleted instances become EXDATEs, event-to-ical.ts), 2500 a page (the API's maximum).
//
// Each calendar's identity is decided exactly as for an archive (src/sources/calendar-identity.ts):
// Google's calendar id settles birthdays (`addressbook#contacts@group.v.calendar.google.com`) and
// holidays (`…#holiday@group.v.calendar.google.com`), else the events' own marks, else the name.
// Generated calendars are not moved, but "What we found" gives their number of events as for an
// archive: they are counted with a partial response (`fields`: UIDs and status only), never
// turned into iCalendar.
//
// The components of an ordinary calendar are kept in memory once read: the engine reads a
// calendar twice (survey, then preparation) and each re-read would cost Google's quota again. A
// VEVENT weighs 1 to 2 kB: 50,000 events hold under 100 MB, as long as the reading lives.
import { calendar } from '@googleapis/calendar';
import type { calendar_v3 } from '@googleapis/calendar';
import { calendarIdentity, googleCalendarAliases } from '../../calendar-identity.ts';
import type { CalendarFile } from '../../calendar-identity.ts';
import type { SourceCalendar } from '../../source.ts';
import type { GoogleCalendarsReading, GoogleReadOptions } from '../google-readings.ts';
import { allPages } from './all-pages.ts';
import { CalendarConverter } from './event-to-ical.ts';
import type { CalendarComponents } from './event-to-ical.ts';

export const GOOGLE_CALENDAR_UNREADABLE = 'items.google-calendar-unreadable';

const GENERATED_ID = /#(contacts|holiday)@group\.v\.calendar\.google\.com$/i;
const EVENTS_PER_PAGE = 2500;
const CALENDARS_PER_PAGE = 250;

/** What the calendar list says of one calendar beyond the port's fields (for the report). */
export interface GoogleCalendarAccess {
  /** owner, writer, reader or freeBusyReader (calendarList `accessRole`). */
  readonly accessRole: string;
  readonly primary: boolean;
  /** Hidden from Google Calendar's side bar by the family. */
  readonly hidden: boolean;
}

export interface GoogleCalendarsLiveReading extends GoogleCalendarsReading {
  /** By calendar key (the same as `calendars[].key` and `facts[].key`). */
  readonly access: ReadonlyMap<string, GoogleCalendarAccess>;
}

/** A calendar's key: Google's calendar id, stable for as long as the calendar exists. */
export function calendarKey(id: string): string {
  return `google-calendar:${id}`;
}

export async function readGoogleCalendars(
  options: GoogleReadOptions,
): Promise<GoogleCalendarsLiveReading> {
  const { api } = options;
  const client = calendar({ version: 'v3', auth: api.auth, rootUrl: api.endpoints.calendar });
  const entries: calendar_v3.Schema$CalendarListEntry[] = [];
  for await (const items of allPages(api, (signal, pageToken) =>
    client.calendarList.list(
      { showHidden: true, maxResults: CALENDARS_PER_PAGE, ...(pageToken ? { pageToken } : {}) },
      { signal, retry: false },
    ),
  )) {
    entries.push(...items.filter((entry) => entry.id != null && entry.deleted !== true));
  }
  // The primary calendar's id is the account's address (Calendar API, "Calendars").
  const accountAddress = entries.find((entry) => entry.primary === true)?.id ?? null;

  const calendars: SourceCalendar[] = [];
  const access = new Map<string, GoogleCalendarAccess>();
  let items = 0;
  const names = entries.map((entry) =>
    (entry.summaryOverride ?? entry.summary ?? entry.id ?? '').trim(),
  );
  for (const entry of entries) {
    // Someone else's calendar the family only sees as busy blocks: Google gives those without
    // title nor UID (Calendar API, accessRole "freeBusyReader"); there is nothing of theirs to move.
    if (entry.accessRole === 'freeBusyReader') continue;
    const id = entry.id ?? '';
    const name = (entry.summaryOverride ?? entry.summary ?? id).trim();
    try {
      const read = GENERATED_ID.test(id)
        ? { components: [], signs: await countEvents(client, options, id) }
        : await readEvents(client, options, entry, name, accountAddress);
      const file: CalendarFile = {
        name,
        header: [
          { name: 'X-GOOGLE-CALENDAR-ID', value: id },
          ...(entry.description ? [{ name: 'X-WR-CALDESC', value: entry.description }] : []),
        ],
        signs: read.signs,
        googleColor: entry.backgroundColor ?? null,
      };
      const identity = calendarIdentity(file, options.t);
      const key = calendarKey(id);
      const header: Record<string, string> = { 'X-WR-CALNAME': name };
      if (entry.timeZone) header['X-WR-TIMEZONE'] = entry.timeZone;
      if (entry.description) header['X-WR-CALDESC'] = entry.description;
      const components = read.components;
      calendars.push({
        key,
        displayName: name,
        description: entry.description ?? null,
        color: identity.color,
        count: read.signs.events,
        // The same calendar from the archive carries the same alias: one collection, never two.
        aliases: googleCalendarAliases(name, names),
        identity,
        content: { key, header, open: () => components },
      });
      access.set(key, {
        accessRole: entry.accessRole ?? 'reader',
        primary: entry.primary === true,
        hidden: entry.hidden === true,
      });
      items += read.signs.events;
      options.onItems?.(items);
    } catch (error) {
      if (api.signal.aborted) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      options.onProblem({ code: GOOGLE_CALENDAR_UNREADABLE, where: name, params: { detail } });
    }
  }
  const collator = new Intl.Collator('fr', { sensitivity: 'base' });
  calendars.sort(
    (a, b) => collator.compare(a.displayName, b.displayName) || (a.key < b.key ? -1 : 1),
  );
  return {
    calendars,
    facts: calendars.map((source) => ({
      key: source.key,
      name: source.displayName,
      color: source.color,
      events: source.count,
      generated: source.identity.role === 'ordinary' ? null : source.identity.role,
    })),
    access,
  };
}

async function readEvents(
  client: calendar_v3.Calendar,
  options: GoogleReadOptions,
  entry: calendar_v3.Schema$CalendarListEntry,
  name: string,
  accountAddress: string | null,
): Promise<CalendarComponents> {
  const converter = new CalendarConverter(
    name,
    { defaultReminders: entry.defaultReminders ?? [], accountAddress },
    options.onProblem,
  );
  // Each page is converted while the next one is on its way (allPages asks for it first).
  for await (const items of allPages(options.api, (signal, pageToken) =>
    client.events.list(
      {
        calendarId: entry.id ?? '',
        singleEvents: false,
        showDeleted: true,
        maxResults: EVENTS_PER_PAGE,
        ...(pageToken ? { pageToken } : {}),
      },
      { signal, retry: false },
    ),
  )) {
    converter.add(items);
  }
  return converter.finish();
}

/** A generated calendar's events (distinct UIDs), read with the smallest partial response. */
async function countEvents(
  client: calendar_v3.Calendar,
  options: GoogleReadOptions,
  calendarId: string,
): Promise<CalendarComponents['signs']> {
  const uids = new Set<string>();
  for await (const items of allPages(options.api, (signal, pageToken) =>
    client.events.list(
      {
        calendarId,
        singleEvents: false,
        maxResults: EVENTS_PER_PAGE,
        fields: 'nextPageToken,items(iCalUID,status)',
        ...(pageToken ? { pageToken } : {}),
      },
      { signal, retry: false },
    ),
  )) {
    for (const event of items) {
      if (event.status !== 'cancelled' && event.iCalUID) uids.add(event.iCalUID);
    }
  }
  return { events: uids.size, sampled: 0, birthdayEvents: 0, holidayEvents: 0 };
}
