// One Google event resource (Calendar API v3 `Event`) → one VEVENT, with ical.js. The fields the
// family sees in Google become the properties every CalDAV client reads:
//   iCalUID → UID (the same UID Google writes in its archive: a family who moves from an archive
//   first and live later, or the other way round, gets updates, never duplicates);
//   start/end → DTSTART/DTEND (event-times.ts); recurrence → its RRULE/EXDATE/RDATE lines as
//   given; an exception (recurringEventId + originalStartTime) → RECURRENCE-ID;
//   summary, description, location → SUMMARY, DESCRIPTION, LOCATION; status → STATUS;
//   transparency → TRANSP; visibility → CLASS; sequence → SEQUENCE; created, updated → CREATED,
//   LAST-MODIFIED and DTSTAMP (never the clock: a re-read of an unchanged event must give the same
//   text, so a re-run sends nothing); reminders → VALARM (event-alarms.ts); guests → ATTENDEE,
//   ORGANIZER (event-people.ts); colorId → COLOR (event-colors.ts); attachments → ATTACH links;
//   the conference link → a line of DESCRIPTION, CONFERENCE (RFC 7986 §5.11) and Google's own
//   X-GOOGLE-CONFERENCE (what its archive holds, which the engine also knows).
import ICAL from 'ical.js';
import type { calendar_v3 } from '@googleapis/calendar';
import { addAlarms, remindersOf } from './event-alarms.ts';
import type { GoogleReminder } from './event-alarms.ts';
import { eventColorName } from './event-colors.ts';
import { addPeople } from './event-people.ts';
import { EventTimeError, addTime, icalTime } from './event-times.ts';
import type { IcalTime } from './event-times.ts';

export type GoogleEvent = calendar_v3.Schema$Event;

/** What every event of one calendar shares. */
export interface EventContext {
  /** The calendar's default reminders (calendarList `defaultReminders`), for `useDefault`. */
  readonly defaultReminders: readonly GoogleReminder[];
  /** The account's own address (the primary calendar's id), for e-mail reminders; else null. */
  readonly accountAddress: string | null;
}

const STATUS: Readonly<Record<string, string>> = {
  confirmed: 'CONFIRMED',
  tentative: 'TENTATIVE',
  cancelled: 'CANCELLED',
};
const CLASS: Readonly<Record<string, string>> = {
  public: 'PUBLIC',
  private: 'PRIVATE',
  confidential: 'CONFIDENTIAL',
};
const RECURRENCE_LINE = /^(RRULE|EXRULE|RDATE|EXDATE)[;:]/i;

/** `2024-01-08T18:00:00+01:00` → an ical.js UTC time, or undefined. */
function utc(value: string | null | undefined): ICAL.Time | undefined {
  if (value == null) return undefined;
  const instant = Date.parse(value);
  return Number.isNaN(instant) ? undefined : ICAL.Time.fromJSDate(new Date(instant), true);
}

/** Google's time-less stamp for an event without `updated` (stable, so the content hash is). */
const EPOCH = ICAL.Time.fromJSDate(new Date(0), true);

/** The conference's video link (Meet or another provider), else the legacy `hangoutLink`. */
export function conferenceLink(event: GoogleEvent): { uri: string; label: string } | null {
  const video = event.conferenceData?.entryPoints?.find(
    (entry) => entry.entryPointType === 'video' && entry.uri != null && entry.uri !== '',
  );
  const label = event.conferenceData?.conferenceSolution?.name ?? 'Google Meet';
  if (video?.uri != null) return { uri: video.uri, label };
  if (event.hangoutLink != null && event.hangoutLink !== '') {
    return { uri: event.hangoutLink, label };
  }
  return null;
}

function addText(component: ICAL.Component, name: string, value: string | null | undefined): void {
  if (value != null && value.trim() !== '') component.addPropertyWithValue(name, value);
}

function addConference(component: ICAL.Component, event: GoogleEvent): string | null {
  const link = conferenceLink(event);
  if (link === null) return null;
  component.addPropertyWithValue('x-google-conference', link.uri);
  const conference = new ICAL.Property('conference', component);
  conference.resetType('uri');
  conference.setValue(link.uri);
  conference.setParameter('value', 'URI');
  conference.setParameter('feature', 'VIDEO');
  conference.setParameter('label', link.label);
  component.addProperty(conference);
  return link.uri;
}

function addAttachments(component: ICAL.Component, event: GoogleEvent): void {
  for (const attachment of event.attachments ?? []) {
    if (attachment.fileUrl == null || attachment.fileUrl === '') continue;
    const property = new ICAL.Property('attach', component);
    property.setValue(attachment.fileUrl);
    property.setParameter('value', 'URI');
    if (attachment.mimeType) property.setParameter('fmttype', attachment.mimeType);
    // FILENAME: the parameter Google's own export writes (Apple reads X-APPLE-FILENAME).
    if (attachment.title) property.setParameter('filename', attachment.title);
    component.addProperty(property);
  }
}

function addRecurrence(component: ICAL.Component, lines: readonly string[]): void {
  for (const line of lines) {
    if (!RECURRENCE_LINE.test(line)) throw new EventTimeError(`recurrence line "${line}"`);
    let property: ICAL.Property;
    try {
      property = ICAL.Property.fromString(line);
    } catch {
      throw new EventTimeError(`recurrence line "${line}"`);
    }
    if (property.name === 'rrule' || property.name === 'exrule') {
      const rule: unknown = property.getFirstValue();
      if (!(rule instanceof ICAL.Recur) || !rule.freq) {
        throw new EventTimeError(`recurrence line "${line}"`);
      }
    }
    component.addProperty(property);
  }
}

/**
 * The VEVENT of a live (not cancelled) event. `exdates`: the original starts of its cancelled
 * instances (a master only). Throws EventTimeError when the event cannot be written.
 */
export function eventToVevent(
  event: GoogleEvent,
  context: EventContext,
  exdates: readonly IcalTime[] = [],
): ICAL.Component {
  const uid = event.iCalUID?.trim();
  if (uid === undefined || uid === '') throw new EventTimeError('no iCalUID');
  const vevent = new ICAL.Component('vevent');
  vevent.addPropertyWithValue('uid', uid);
  const stamp = utc(event.updated) ?? utc(event.created) ?? EPOCH;
  vevent.addPropertyWithValue('dtstamp', stamp);
  const zone = event.start?.timeZone ?? undefined;
  const start = icalTime(event.start ?? undefined);
  addTime(vevent, 'dtstart', start);
  // endTimeUnspecified: Google stores end = start and shows no end; DTEND would say "0 minutes".
  if (event.end != null && event.endTimeUnspecified !== true) {
    addTime(vevent, 'dtend', icalTime(event.end));
  }
  if (event.recurringEventId != null && event.originalStartTime != null) {
    addTime(vevent, 'recurrence-id', icalTime(event.originalStartTime, zone));
  }
  addRecurrence(vevent, event.recurrence ?? []);
  for (const exdate of exdates) addTime(vevent, 'exdate', exdate);
  const created = utc(event.created);
  if (created) vevent.addPropertyWithValue('created', created);
  const updated = utc(event.updated);
  if (updated) vevent.addPropertyWithValue('last-modified', updated);
  addText(vevent, 'summary', event.summary);
  addText(vevent, 'location', event.location);
  const link = addConference(vevent, event);
  const description = event.description ?? '';
  // The link in the text too: most CalDAV clients show neither CONFERENCE nor Google's property.
  const text =
    link === null || description.includes(link)
      ? description
      : description === ''
        ? link
        : `${description}\n\n${link}`;
  addText(vevent, 'description', text);
  vevent.addPropertyWithValue('sequence', event.sequence ?? 0);
  vevent.addPropertyWithValue('status', STATUS[event.status ?? 'confirmed'] ?? 'CONFIRMED');
  vevent.addPropertyWithValue(
    'transp',
    event.transparency === 'transparent' ? 'TRANSPARENT' : 'OPAQUE',
  );
  const klass = CLASS[event.visibility ?? 'default'];
  if (klass !== undefined) vevent.addPropertyWithValue('class', klass);
  const color = eventColorName(event.colorId);
  if (color !== null) vevent.addPropertyWithValue('color', color);
  addAttachments(vevent, event);
  addPeople(vevent, event);
  addAlarms(vevent, remindersOf(event, context.defaultReminders), context.accountAddress);
  return vevent;
}
