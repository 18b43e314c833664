// The Dupont family's calendars as the Calendar API would give them (tests only): the same
// TakeoutSpec the archive is rendered from (tests/fixtures/takeout/takeout-spec.ts) is rendered
// the same way, then each VEVENT of the archive is written as the event resource Google would
// list for it — so both ways hold the same UIDs, summaries, times, guests and reminders by
// construction, not by a second description kept in step by hand.
//
// How each archive shape shows in the API:
//   - one-off event (UTC) → `start.dateTime` in UTC, no `timeZone`; its 10-minute reminder is
//     the calendar's default (`useDefault`), so the default-reminder path is exercised;
//   - series (TZID, RRULE, EXDATEs, overrides) → a master with `recurrence` [the RRULE] and
//     `start.timeZone`; each EXDATE → a cancelled instance (what Google lists for a deleted
//     occurrence with showDeleted); each override → an exception (`recurringEventId`,
//     `originalStartTime`), with the id Google gives instances (`<master>_<UTC start>`);
//   - orphan instances (invited to some instances only) → exceptions whose master is not listed;
//   - an event without UID (another producer's, imported) → Google would give it an iCalUID of
//     its own; it is given the one the engine derives from the archive's text
//     (src/ical/parse-component.ts derivedUid), so that both ways meet. The real Google cannot
//     match there: an archive of such an event, read again, carries Google's UID.
//   - birthdays and holidays → Google's generated calendars, recognised by their ids.
// What cannot match: DTSTAMP (the archive's is the export time; live, Google's `updated`), and a
// calendar's colour when the archive has none (the real API always gives one; here only the
// spec's colour is given, so that both ways name and colour the new calendars alike).
import { createHash } from 'node:crypto';
import type { calendar_v3 } from '@googleapis/calendar';
import ICAL from 'ical.js';
import { contentLines, derivedUid } from '../../../../src/ical/parse-component.ts';
import { instantOf } from '../../../../src/ical/timezones/zone-offsets.ts';
import { renderCalendar } from '../../../fixtures/takeout/takeout-spec.ts';
import type { CalendarSpec, TakeoutSpec } from '../../../fixtures/takeout/takeout-spec.ts';
import type { CalendarStandInData, StandInCalendar } from '../calendar-api.ts';

type GoogleEvent = calendar_v3.Schema$Event;

export const BIRTHDAYS_ID = 'addressbook#contacts@group.v.calendar.google.com';
export const HOLIDAYS_ID = 'fr.french#holiday@group.v.calendar.google.com';
const PARTSTAT = new Map([
  ['ACCEPTED', 'accepted'],
  ['DECLINED', 'declined'],
  ['TENTATIVE', 'tentative'],
]);
const DEFAULT_REMINDERS = [{ method: 'popup', minutes: 10 }];

/** The calendars the archive of `spec` holds, as the stand-in serves them. */
export function calendarData(spec: TakeoutSpec): CalendarStandInData {
  // The same counter renderTakeout uses: the n-th event gets the same UID on both sides.
  let uidCounter = 0;
  const calendars = (spec.calendars ?? []).map((calendar): StandInCalendar => {
    const text = renderCalendar(calendar, () => uidCounter++);
    return { entry: entryOf(calendar), events: eventsOf(text) };
  });
  return { calendars };
}

function entryOf(calendar: CalendarSpec): StandInCalendar['entry'] {
  const name = calendar.name ?? calendar.file;
  const kinds = new Set(calendar.events.map((event) => event.kind));
  const birthdays = kinds.size === 1 && kinds.has('birthday');
  const holidays = kinds.size === 1 && kinds.has('holiday');
  const primary = /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(name);
  const id = birthdays
    ? BIRTHDAYS_ID
    : holidays
      ? HOLIDAYS_ID
      : primary
        ? name
        : `${createHash('sha1').update(calendar.file).digest('hex').slice(0, 26)}@group.calendar.google.com`;
  return {
    kind: 'calendar#calendarListEntry',
    etag: '"1700000000000000"',
    id,
    summary: name,
    timeZone: 'Europe/Paris',
    colorId: '15',
    ...(calendar.color === undefined ? {} : { backgroundColor: calendar.color.toLowerCase() }),
    foregroundColor: '#000000',
    selected: true,
    accessRole: birthdays || holidays ? 'reader' : 'owner',
    defaultReminders: birthdays || holidays ? [] : DEFAULT_REMINDERS,
    ...(primary ? { primary: true } : {}),
  };
}

/** Each VEVENT of the rendered calendar, raw (the engine derives a missing UID from this). */
function veventTexts(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] | null = null;
  for (const line of contentLines(text)) {
    if (line === 'BEGIN:VEVENT') current = [];
    current?.push(line);
    if (line === 'END:VEVENT' && current !== null) {
      blocks.push(`${current.join('\r\n')}\r\n`);
      current = null;
    }
  }
  return blocks;
}

function eventsOf(text: string): GoogleEvent[] {
  const parsed = veventTexts(text).map((raw) => {
    const component = new ICAL.Component(ICAL.parse(raw) as unknown[]);
    const uid = component.getFirstPropertyValue('uid');
    return { component, uid: typeof uid === 'string' && uid !== '' ? uid : derivedUid(raw) };
  });
  const events: GoogleEvent[] = [];
  for (const { component, uid } of parsed) {
    const id = eventId(uid);
    const recurrenceId = component.getFirstProperty('recurrence-id');
    const event = eventOf(component, uid, id);
    if (recurrenceId !== null) {
      const original = dateTimeOf(recurrenceId);
      events.push({
        ...event,
        id: `${id}_${utcBasic(original)}`,
        recurringEventId: id,
        originalStartTime: original,
      });
      continue;
    }
    events.push(event);
    // Each EXDATE: the deleted occurrence, as Google lists it with showDeleted.
    for (const exdate of component.getAllProperties('exdate')) {
      const original = dateTimeOf(exdate);
      events.push({
        kind: 'calendar#event',
        etag: '"3400000000000000"',
        id: `${id}_${utcBasic(original)}`,
        status: 'cancelled',
        recurringEventId: id,
        originalStartTime: original,
      });
    }
  }
  return events;
}

/** Google's event id: the UID's local part for Google's own events, else a hash (base32hex). */
function eventId(uid: string): string {
  const local = /^([0-9a-v]{5,1024})@google\.com$/.exec(uid)?.[1];
  return local ?? createHash('sha1').update(uid).digest('hex');
}

function text(component: ICAL.Component, name: string): string | undefined {
  const value: unknown = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? value : undefined;
}

function utcIso(component: ICAL.Component, name: string): string | undefined {
  const value: unknown = component.getFirstPropertyValue(name);
  return value instanceof ICAL.Time ? value.toJSDate().toISOString() : undefined;
}

function eventOf(component: ICAL.Component, uid: string, id: string): GoogleEvent {
  const start = component.getFirstProperty('dtstart');
  const end = component.getFirstProperty('dtend');
  const alarms = component.getAllSubcomponents('valarm');
  const minutes = alarms.map((alarm) => {
    const trigger: unknown = alarm.getFirstPropertyValue('trigger');
    return trigger instanceof ICAL.Duration ? Math.round(-trigger.toSeconds() / 60) : 0;
  });
  const isDefault = minutes.length === 1 && minutes[0] === DEFAULT_REMINDERS[0]?.minutes;
  const attendees = component.getAllProperties('attendee').map((attendee) => ({
    email: String(attendee.getFirstValue()).replace(/^mailto:/i, ''),
    ...(typeof attendee.getParameter('cn') === 'string'
      ? { displayName: String(attendee.getParameter('cn')) }
      : {}),
    responseStatus: PARTSTAT.get(String(attendee.getParameter('partstat'))) ?? 'needsAction',
  }));
  const transp = text(component, 'transp');
  const klass = text(component, 'class');
  const rrule = component.getFirstProperty('rrule');
  const created = utcIso(component, 'created');
  const updated = utcIso(component, 'last-modified');
  return {
    kind: 'calendar#event',
    etag: '"3400000000000000"',
    id,
    iCalUID: uid,
    status: (text(component, 'status') ?? 'CONFIRMED').toLowerCase(),
    htmlLink: `https://www.google.com/calendar/event?eid=${id}`,
    ...(created === undefined ? {} : { created }),
    ...(updated === undefined ? {} : { updated }),
    ...(text(component, 'summary') === undefined ? {} : { summary: text(component, 'summary') }),
    ...(text(component, 'description') === undefined
      ? {}
      : { description: text(component, 'description') }),
    ...(text(component, 'location') === undefined ? {} : { location: text(component, 'location') }),
    ...(start === null ? {} : { start: dateTimeOf(start) }),
    ...(end === null ? {} : { end: dateTimeOf(end) }),
    ...(rrule === null ? {} : { recurrence: [`RRULE:${String(rrule.getFirstValue())}`] }),
    ...(transp === 'TRANSPARENT' ? { transparency: 'transparent' } : {}),
    ...(klass === undefined ? {} : { visibility: klass.toLowerCase() }),
    sequence: Number(component.getFirstPropertyValue('sequence') ?? 0),
    ...(attendees.length === 0 ? {} : { attendees }),
    reminders: isDefault
      ? { useDefault: true }
      : {
          useDefault: false,
          ...(minutes.length === 0
            ? {}
            : { overrides: minutes.map((value) => ({ method: 'popup', minutes: value })) }),
        },
    eventType: 'default',
  };
}

/** DTSTART, DTEND, RECURRENCE-ID or EXDATE as Google's EventDateTime. */
function dateTimeOf(property: ICAL.Property): calendar_v3.Schema$EventDateTime {
  const value: unknown = property.getFirstValue();
  if (!(value instanceof ICAL.Time)) throw new Error(`not a time: ${property.toICALString()}`);
  if (value.isDate) return { date: value.toString() };
  const tzid = property.getParameter('tzid');
  const wall = Date.UTC(
    value.year,
    value.month - 1,
    value.day,
    value.hour,
    value.minute,
    value.second,
  );
  if (typeof tzid !== 'string')
    return { dateTime: new Date(wall).toISOString().replace('.000', '') };
  const instant = instantOf(tzid, wall);
  const offset = Math.round((wall - instant) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mins = String(Math.abs(offset) % 60).padStart(2, '0');
  return {
    dateTime: `${new Date(wall).toISOString().slice(0, 19)}${sign}${hours}:${mins}`,
    timeZone: tzid,
  };
}

/** `20240108T170000Z`, the instant part of an instance's id (`YYYYMMDD` for all-day ones). */
function utcBasic(time: calendar_v3.Schema$EventDateTime): string {
  if (time.date != null) return time.date.replace(/-/g, '');
  return new Date(time.dateTime ?? 0).toISOString().replace(/[-:]|\.\d{3}/g, '');
}
