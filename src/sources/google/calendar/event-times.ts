// Google's `EventDateTime` (`{ date }`, `{ dateTime }` or `{ dateTime, timeZone }`) as an
// iCalendar date or date-time (RFC 5545 §3.3.4, §3.3.5):
//   - `date` → VALUE=DATE (all-day; Google's end date is exclusive, as DTEND's is);
//   - `dateTime` with `timeZone` → the wall-clock time in that zone with TZID (a series must keep
//     its zone, or its instances drift by an hour at each change of summer time);
//   - `dateTime` alone → UTC, as Google's own export writes one-off events.
// `dateTime` is RFC 3339 and always carries its offset, so the instant is known even when the zone
// is not; an unknown zone falls back to UTC (same instant, nothing lost but the zone's name).
import ICAL from 'ical.js';
import type { calendar_v3 } from '@googleapis/calendar';
import { normaliseTzid } from '../../../ical/timezones/normalise-tzid.ts';
import { offsetAt } from '../../../ical/timezones/zone-offsets.ts';

export type GoogleDateTime = calendar_v3.Schema$EventDateTime;

/** A date-time that cannot be turned into iCalendar (the event is then reported, not copied). */
export class EventTimeError extends Error {}

/** RFC 3339 with a required offset: `2024-01-08T18:00:00+01:00`, `…Z`, fractions allowed. */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface IcalTime {
  readonly time: ICAL.Time;
  /** The IANA zone written as TZID, or null (a date, or UTC). */
  readonly tzid: string | null;
  /** Epoch milliseconds (midnight UTC for a date): for ordering and for the zones' years. */
  readonly instant: number;
}

/** `preferredZone`: the zone to write when Google gave none (a cancelled instance's master's). */
export function icalTime(value: GoogleDateTime | undefined, preferredZone?: string): IcalTime {
  if (value?.date != null) {
    if (!DATE.test(value.date)) throw new EventTimeError(`date "${value.date}"`);
    const time = ICAL.Time.fromDateString(value.date);
    return { time, tzid: null, instant: Date.UTC(time.year, time.month - 1, time.day) };
  }
  const text = value?.dateTime;
  if (text == null) throw new EventTimeError('no date nor dateTime');
  if (!RFC3339.test(text)) throw new EventTimeError(`dateTime "${text}"`);
  const instant = Date.parse(text);
  if (Number.isNaN(instant)) throw new EventTimeError(`dateTime "${text}"`);
  const zone = knownZone(value?.timeZone ?? preferredZone);
  if (zone === null) {
    return { time: ICAL.Time.fromJSDate(new Date(instant), true), tzid: null, instant };
  }
  // Wall-clock time in the zone: the instant moved by the zone's offset then, read as UTC fields.
  const wall = new Date(instant + offsetAt(zone, instant) * 1000);
  const time = ICAL.Time.fromData({
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    isDate: false,
  });
  return { time, tzid: zone, instant };
}

/** The zone as the runtime knows it (aliases fixed), or null. */
function knownZone(value: string | null | undefined): string | null {
  if (value == null || value.trim() === '') return null;
  if (/^(utc|etc\/utc|gmt|z)$/i.test(value.trim())) return null;
  return normaliseTzid(value.trim()) ?? null;
}

/** Sets `name` (dtstart, dtend, recurrence-id, exdate) on the component from an IcalTime. */
export function addTime(component: ICAL.Component, name: string, value: IcalTime): void {
  const property = new ICAL.Property(name, component);
  // The type first: ical.js empties a property's values when its type changes.
  if (value.time.isDate) property.resetType('date');
  property.setValue(value.time);
  if (value.tzid !== null) property.setParameter('tzid', value.tzid);
  component.addProperty(property);
}
