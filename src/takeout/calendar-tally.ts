// Counts one calendar file as it streams by: its name, colour, and events as distinct UIDs. A
// recurring series travels as one CalDAV resource with its moved and cancelled instances, so it
// counts once; the overrides of a series whose master is missing (invited to single instances
// only, TAKEOUT-NOTES §2.4) share a UID too and likewise count once. A VEVENT without UID cannot
// be grouped with anything and counts on its own.
import { calendarColor, calendarRole, eventSignals } from '../sources/calendar-identity.ts';
import type { CalendarFile } from '../sources/calendar-identity.ts';
import { unescapeText } from './content-line.ts';
import type { ContentLine } from './content-line.ts';
import type { ICalItem } from './ical-components.ts';
import { ProblemTally } from './problem-tally.ts';

/** The component properties the tally looks at (see ICalReaderOptions.keep). */
export const CALENDAR_KEEP = ['ATTENDEE', 'TRANSP', 'CLASS', 'DTSTART'] as const;

/**
 * Google's generated calendars are uniform: whether one is made of birthdays or holidays shows in
 * its first events. Past this many, the properties above are no longer needed (reading every
 * attendee of 50,000 events costs more than the rest of the scan of them).
 */
export const SIGNAL_SAMPLE = 500;

export interface CalendarFacts {
  readonly name: string;
  readonly color: string | null;
  readonly events: number;
  readonly generated: 'birthdays' | 'holidays' | null;
}

export class CalendarTally {
  readonly problems = new ProblemTally();
  readonly #uids = new Set<string>();
  #withoutUid = 0;
  #birthday = 0;
  #holiday = 0;
  #sampled = 0;
  /** Called once SIGNAL_SAMPLE events have been looked at. */
  onSampled: () => void = () => undefined;
  #header: readonly ContentLine[] | null = null;

  add(item: ICalItem): void {
    if (item.type === 'problem') {
      this.problems.add(item);
      return;
    }
    if (item.type === 'calendar') {
      // A file may hold several VCALENDARs; the first one names the calendar.
      this.#header ??= item.properties;
      return;
    }
    if (item.name !== 'VEVENT') return;
    const uid = item.uid;
    if (uid === null) {
      this.#withoutUid++;
    } else {
      if (this.#uids.has(uid)) return;
      this.#uids.add(uid);
    }
    if (this.#sampled >= SIGNAL_SAMPLE) return;
    if (++this.#sampled === SIGNAL_SAMPLE) this.onSampled();
    const attendees: string[] = [];
    let transp: string | null = null;
    let klass: string | null = null;
    let allDay = false;
    for (const property of item.properties) {
      if (property.name === 'ATTENDEE') attendees.push(property.value);
      else if (property.name === 'TRANSP') transp ??= property.value;
      else if (property.name === 'CLASS') klass ??= property.value;
      else if (property.name === 'DTSTART') allDay ||= isDate(property.params, property.value);
    }
    const signals = eventSignals(uid, attendees, transp, klass, allDay);
    if (signals.birthday) this.#birthday++;
    if (signals.holiday) this.#holiday++;
  }

  /** `fileName`: the entry's name without `.ics`, used when the calendar has no X-WR-CALNAME. */
  result(fileName: string): CalendarFacts {
    const calendar = this.file(fileName);
    const role = calendarRole(calendar);
    return {
      name: calendar.name,
      color: calendarColor(calendar),
      events: calendar.signs.events,
      generated: role === 'ordinary' ? null : role,
    };
  }

  /**
   * What src/sources/calendar-identity.ts judges the calendar on: its name, header and the signs
   * its first events gave. The scan's facts and the Takeout source's identity both come from it.
   */
  file(fileName: string): CalendarFile & { readonly header: readonly ContentLine[] } {
    const header = this.#header ?? [];
    const calName = header.find((property) => property.name === 'X-WR-CALNAME');
    const named = calName === undefined ? '' : unescapeText(calName.value).trim();
    return {
      name: named === '' ? fileName : named,
      header,
      signs: {
        events: this.#uids.size + this.#withoutUid,
        sampled: this.#sampled,
        birthdayEvents: this.#birthday,
        holidayEvents: this.#holiday,
      },
    };
  }

  /** The VCALENDAR's own properties, as read (the first VCALENDAR of the file). */
  get header(): readonly ContentLine[] {
    return this.#header ?? [];
  }
}

/** `DTSTART;VALUE=DATE:20221101`: an all-day event (RFC 5545 §3.3.4). */
function isDate(params: string, value: string): boolean {
  return /(^|;)VALUE=DATE($|;)/i.test(params) || /^\d{8}$/.test(value.trim());
}
