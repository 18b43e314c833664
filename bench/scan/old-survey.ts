// main's surveyCalendar before the source port (src/ical/survey-calendar.ts at 58c40dd), kept
// here ONLY for the planning bench's "before" path: it also read each event's attendees and
// start to judge, again, whether Google generated the calendar.
import type { CalendarSource } from '../../src/ical/calendar-source.ts';
import { parseComponent } from '../../src/ical/parse-component.ts';

const OBJECT_KINDS: ReadonlySet<string> = new Set(['vevent', 'vtodo', 'vjournal']);

interface OldSurvey {
  readonly componentsPerUid: ReadonlyMap<string, number>;
  readonly fileTimezones: ReadonlyMap<string, unknown[]>;
  readonly unreadable: number;
  readonly signs: { uids: number; birthdayUids: number; holidayUids: number };
}

const BIRTHDAY_UID = /^(\d{4}_)?BIRTHDAY_[0-9a-f]+@google\.com$/i;
const HOLIDAY_UID = /^\d{8}_[0-9a-v]{26}@google\.com$/i;

export async function oldSurveyCalendar(source: CalendarSource): Promise<OldSurvey> {
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
