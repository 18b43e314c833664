// The events of one Google calendar (events.list with singleEvents=false, showDeleted=true) → the
// raw iCalendar components the engine reads from any calendar (CalendarSource.open()): one
// VTIMEZONE per zone used, then the VEVENTs, masters before their exceptions. The engine groups
// them by UID (src/ical/group-by-uid.ts), so a series and its exceptions become one resource,
// exactly as from an archive.
//
// Cancelled entries: with showDeleted, Google lists a deleted instance of a series as an
// exception with status "cancelled" (Calendar API guide, "Recurring events"); it becomes an EXDATE
// on its master. A cancelled entry without `recurringEventId` is a deleted event: dropped. A
// cancelled instance whose master is not listed (the family was invited to some instances only)
// has nothing to exclude from: dropped.
//
// Order is stable whatever order Google answers in: by UID, the master first, then exceptions by
// their original start. A malformed event is named in a problem; the others go on.
import ICAL from 'ical.js';
import type { ProblemFact } from '../../../contract/problem.ts';
import { readableStart, whereOf } from '../../../ical/describe-event.ts';
import { compareText } from '../../../ical/resource-name.ts';
import { buildVtimezone } from '../../../ical/timezones/build-vtimezone.ts';
import { eventSignals } from '../../calendar-identity.ts';
import type { CalendarSigns, EventSignals } from '../../calendar-identity.ts';
import { icalTime } from './event-times.ts';
import type { IcalTime } from './event-times.ts';
import { eventToVevent } from './event-to-vevent.ts';
import type { EventContext, GoogleEvent } from './event-to-vevent.ts';

export const GOOGLE_EVENT_UNREADABLE = 'items.google-event-unreadable';

/** What src/sources/calendar-identity.ts samples to judge a calendar (as the Takeout tally). */
const SIGNAL_SAMPLE = 500;

export interface CalendarComponents {
  /** VTIMEZONEs then VEVENTs, as raw text. */
  readonly components: readonly string[];
  readonly signs: CalendarSigns;
}

/** One VEVENT, already written out: only its text is kept (a tree per event weighs ten times more). */
interface Built {
  readonly uid: string;
  readonly exception: boolean;
  readonly instant: number;
  readonly text: string;
  readonly signals: EventSignals;
}

/** How a problem names an event: its title and start, else its UID or id. */
export function eventWhere(event: GoogleEvent, calendarName: string, position: number): string {
  const start = event.start?.date ?? event.start?.dateTime?.slice(0, 19) ?? undefined;
  const fallback = event.iCalUID ?? event.id ?? `${calendarName} #${position + 1}`;
  return whereOf(event.summary ?? undefined, readableStart(start), fallback);
}

/** Start of an exception's original instance, for ordering; 0 when unreadable. */
function originalInstant(event: GoogleEvent): number {
  try {
    return event.originalStartTime == null ? 0 : icalTime(event.originalStartTime).instant;
  } catch {
    return 0;
  }
}

/**
 * Converts a calendar's events page by page, as they arrive (the reader fetches the next page
 * meanwhile). A deleted instance may come pages after its master: a master with deleted instances
 * is written again, with its EXDATEs, at `finish()` — only those, the other events are written
 * once and kept as text.
 */
export class CalendarConverter {
  readonly #built: Built[] = [];
  readonly #firstYear = new Map<string, number>();
  readonly #cancelledOf = new Map<string, GoogleEvent[]>();
  /** Series masters written, by Google id: their event and their place in #built. */
  readonly #masters = new Map<string, { event: GoogleEvent; index: number }>();
  #position = 0;

  constructor(
    private readonly calendarName: string,
    private readonly context: EventContext,
    private readonly onProblem: (problem: ProblemFact) => void,
  ) {}

  add(events: readonly GoogleEvent[]): void {
    for (const event of events) {
      const position = this.#position++;
      if (event.status === 'cancelled') {
        if (event.recurringEventId == null || event.originalStartTime == null) continue;
        const list = this.#cancelledOf.get(event.recurringEventId) ?? [];
        list.push(event);
        this.#cancelledOf.set(event.recurringEventId, list);
        continue;
      }
      const built = this.#build(event, position, []);
      if (built === null) continue;
      if (event.recurringEventId == null && event.id != null && event.recurrence != null) {
        this.#masters.set(event.id, { event, index: this.#built.length });
      }
      this.#built.push(built);
    }
  }

  finish(): CalendarComponents {
    for (const [id, cancelled] of this.#cancelledOf) {
      const master = this.#masters.get(id);
      if (master === undefined) continue;
      const zone = master.event.start?.timeZone ?? undefined;
      try {
        const exdates = cancelled
          .map((instance) => icalTime(instance.originalStartTime ?? undefined, zone))
          .sort((a, b) => a.instant - b.instant);
        const built = this.#build(master.event, 0, exdates);
        if (built !== null) this.#built[master.index] = built;
      } catch {
        // An unreadable original start: the series arrives without that EXDATE rather than not.
      }
    }
    const built = [...this.#built].sort(
      (a, b) =>
        compareText(a.uid, b.uid) ||
        Number(a.exception) - Number(b.exception) ||
        a.instant - b.instant,
    );
    return {
      components: [...vtimezones(this.#firstYear), ...built.map((entry) => entry.text)],
      signs: signsOf(built),
    };
  }

  #build(event: GoogleEvent, position: number, exdates: readonly IcalTime[]): Built | null {
    try {
      const component = eventToVevent(event, this.context, exdates);
      const uid = String(component.getFirstPropertyValue('uid'));
      noteZones(component, this.#firstYear);
      return {
        uid,
        exception: event.recurringEventId != null,
        instant: originalInstant(event),
        text: component.toString(),
        signals: signalsOf(uid, component),
      };
    } catch (error) {
      if (exdates.length > 0) throw error;
      const where = eventWhere(event, this.calendarName, position);
      const params: Record<string, string> = {
        detail: error instanceof Error ? error.message : String(error),
      };
      if (event.iCalUID) params['uid'] = event.iCalUID;
      this.onProblem({ code: GOOGLE_EVENT_UNREADABLE, where, params });
      return null;
    }
  }
}

/** All of a calendar's events at once (tests, and readers that have them all). */
export function eventsToIcal(
  events: readonly GoogleEvent[],
  calendarName: string,
  context: EventContext,
  onProblem: (problem: ProblemFact) => void,
): CalendarComponents {
  const converter = new CalendarConverter(calendarName, context, onProblem);
  converter.add(events);
  return converter.finish();
}

/** The earliest year each TZID of the component is used in. */
function noteZones(component: ICAL.Component, firstYear: Map<string, number>): void {
  for (const property of component.getAllProperties()) {
    const tzid = property.getParameter('tzid');
    if (typeof tzid !== 'string') continue;
    const value: unknown = property.getFirstValue();
    const year = value instanceof ICAL.Time ? value.year : Number.POSITIVE_INFINITY;
    firstYear.set(tzid, Math.min(firstYear.get(tzid) ?? Number.POSITIVE_INFINITY, year));
  }
}

/** One VTIMEZONE per TZID used, from the year before its earliest use (build-vtimezone.ts). */
function vtimezones(firstYear: ReadonlyMap<string, number>): string[] {
  return [...firstYear.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .flatMap(([tzid, year]) => {
      try {
        const from = Number.isFinite(year) ? year - 1 : 1970;
        return [new ICAL.Component(buildVtimezone(tzid, from)).toString()];
      } catch {
        // A zone the runtime does not know (only from a recurrence line): the engine reports it.
        return [];
      }
    });
}

/** What one event says of its calendar (birthday or holiday marks), as the archive's tally. */
function signalsOf(uid: string, component: ICAL.Component): EventSignals {
  const attendees = component
    .getAllProperties('attendee')
    .map((property) => String(property.getFirstValue()));
  const text = (name: string): string | null => {
    const value: unknown = component.getFirstPropertyValue(name);
    return typeof value === 'string' ? value : null;
  };
  const start: unknown = component.getFirstPropertyValue('dtstart');
  return eventSignals(
    uid,
    attendees,
    text('transp'),
    text('class'),
    start instanceof ICAL.Time && start.isDate,
  );
}

/** What the calendar's identity is judged on when Google's id does not settle it. */
function signsOf(built: readonly Built[]): CalendarSigns {
  const seen = new Set<string>();
  let sampled = 0;
  let birthdayEvents = 0;
  let holidayEvents = 0;
  for (const { uid, signals } of built) {
    if (seen.has(uid)) continue;
    seen.add(uid);
    if (sampled >= SIGNAL_SAMPLE) continue;
    sampled++;
    if (signals.birthday) birthdayEvents++;
    if (signals.holiday) holidayEvents++;
  }
  return { events: seen.size, sampled, birthdayEvents, holidayEvents };
}
