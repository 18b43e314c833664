// The CalDAV `calendar-timezone` property of a new calendar (RFC 4791 §5.2.2): a VCALENDAR holding
// exactly one VTIMEZONE, the zone clients use for floating times and new events in that calendar.
import ICAL from 'ical.js';
import { buildVtimezone } from './build-vtimezone.ts';
import { normaliseTzid } from './normalise-tzid.ts';

/** `tzid` as Google wrote it (X-WR-TIMEZONE); undefined when the runtime knows no such zone. */
export function calendarTimezoneText(tzid: string, fromYear: number): string | undefined {
  const zone = normaliseTzid(tzid);
  if (zone === undefined) return undefined;
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', '-//Baluchon//Google import//EN');
  calendar.addSubcomponent(new ICAL.Component(buildVtimezone(zone, fromYear)));
  return `${calendar.toString()}\r\n`;
}
