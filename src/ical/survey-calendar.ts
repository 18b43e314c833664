// First pass over a calendar file: how many components each UID has (so the second pass can
// hand a UID over as soon as its last component arrived), the file's own VTIMEZONEs, and the
// signs that Google generated the calendar (contacts' birthdays, public holidays).
import type { CalendarSource } from './calendar-source.ts';
import { parseComponent } from './parse-component.ts';

export const OBJECT_KINDS: ReadonlySet<string> = new Set(['vevent', 'vtodo', 'vjournal']);

export interface GeneratedSigns {
  /** Distinct UIDs of events, tasks and journal entries. */
  readonly uids: number;
  /** UIDs Google gives contacts' birthdays (`BIRTHDAY_<hex>@google.com`, attendees `…@virtual`). */
  readonly birthdayUids: number;
  /** UIDs Google gives public holidays (`20221101_<26 base32hex>@google.com`, all-day). */
  readonly holidayUids: number;
}

export interface CalendarSurvey {
  /** Components per UID, in the order the UIDs first appear. */
  readonly componentsPerUid: ReadonlyMap<string, number>;
  /** The file's own VTIMEZONEs as jCal, by TZID as written: the fallback for unknown zones. */
  readonly fileTimezones: ReadonlyMap<string, unknown[]>;
  /** Components ical.js could not read; the second pass reports each one. */
  readonly unreadable: number;
  readonly signs: GeneratedSigns;
}

const BIRTHDAY_UID = /^(\d{4}_)?BIRTHDAY_[0-9a-f]+@google\.com$/i;
const HOLIDAY_UID = /^\d{8}_[0-9a-v]{26}@google\.com$/i;

export async function surveyCalendar(source: CalendarSource): Promise<CalendarSurvey> {
  const componentsPerUid = new Map<string, number>();
  const fileTimezones = new Map<string, unknown[]>();
  const birthdayUids = new Set<string>();
  const holidayUids = new Set<string>();
  let unreadable = 0;
  for await (const text of source.open()) {
    const parsed = parseComponent(text);
    if (!parsed.ok) {
      unreadable += 1;
      continue;
    }
    const { component, kind, uid } = parsed;
    if (kind === 'vtimezone') {
      const tzid = component.getFirstPropertyValue('tzid');
      if (typeof tzid === 'string' && !fileTimezones.has(tzid)) {
        fileTimezones.set(tzid, component.toJSON() as unknown[]);
      }
      continue;
    }
    if (!OBJECT_KINDS.has(kind)) continue;
    componentsPerUid.set(uid, (componentsPerUid.get(uid) ?? 0) + 1);
    const attendees = component.getAllProperties('attendee').map((p) => String(p.getFirstValue()));
    if (BIRTHDAY_UID.test(uid) || attendees.some((a) => a.toLowerCase().endsWith('@virtual'))) {
      birthdayUids.add(uid);
    }
    const start = component.getFirstProperty('dtstart');
    if (HOLIDAY_UID.test(uid) && start?.type === 'date') holidayUids.add(uid);
  }
  return {
    componentsPerUid,
    fileTimezones,
    unreadable,
    signs: {
      uids: componentsPerUid.size,
      birthdayUids: birthdayUids.size,
      holidayUids: holidayUids.size,
    },
  };
}
