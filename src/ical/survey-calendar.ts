// First pass over a calendar file: how many components each UID has (so the second pass can
// hand a UID over as soon as its last component arrived) and the file's own VTIMEZONEs. Whether
// Google generated the calendar is not judged here: src/sources/calendar-identity.ts decided it
// when the source was read, and the planner obeys that verdict.
import type { CalendarSource } from './calendar-source.ts';
import { parseComponent } from './parse-component.ts';

export const OBJECT_KINDS: ReadonlySet<string> = new Set(['vevent', 'vtodo', 'vjournal']);

export interface CalendarSurvey {
  /** Components per UID, in the order the UIDs first appear. */
  readonly componentsPerUid: ReadonlyMap<string, number>;
  /** The file's own VTIMEZONEs as jCal, by TZID as written: the fallback for unknown zones. */
  readonly fileTimezones: ReadonlyMap<string, unknown[]>;
  /** Components ical.js could not read; the second pass reports each one. */
  readonly unreadable: number;
}

export async function surveyCalendar(source: CalendarSource): Promise<CalendarSurvey> {
  const componentsPerUid = new Map<string, number>();
  const fileTimezones = new Map<string, unknown[]>();
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
  }
  return {
    componentsPerUid,
    fileTimezones,
    unreadable,
  };
}
