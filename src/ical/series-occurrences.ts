// Does a series happen at all? A master whose every occurrence is cancelled (all EXDATE'd), or
// whose UNTIL is before its DTSTART, generates nothing: Google shows nothing for it, and
// sabre/dav (Nextcloud) refuses it ("This recurrence rule does not generate any valid
// instances"). The check follows sabre's reading of RFC 5545 §3.8.5: DTSTART is the first
// occurrence unless the rule ends before it; then RDATEs and RRULE occurrences; minus EXDATEs.
// The search is bounded: a series still looking empty after MAX_STEPS occurrences is taken to
// happen (sending too much is better than dropping what the family may see).
import ICAL from 'ical.js';
import { parameterOf } from './ical-values.ts';

const MAX_STEPS = 10_000;

type Zones = ReadonlyMap<string, ICAL.Timezone>;

function timeOf(text: string, type: string, tzid: string | undefined, zones: Zones): ICAL.Time {
  if (type === 'date') return ICAL.Time.fromDateString(text);
  const time = ICAL.Time.fromDateTimeString(text);
  if (text.endsWith('Z')) time.zone = ICAL.Timezone.utcTimezone;
  else
    time.zone =
      (typeof tzid === 'string' ? zones.get(tzid) : undefined) ?? ICAL.Timezone.localTimezone;
  return time;
}

function timesOf(property: ICAL.Property, zones: Zones): ICAL.Time[] {
  const tzid = parameterOf(property, 'tzid');
  return property.jCal.slice(3).map((value: unknown) => {
    const text = String(Array.isArray(value) ? value[0] : value);
    return timeOf(text, property.type === 'period' ? 'date-time' : property.type, tzid, zones);
  });
}

/** Same instant for date-times (floating ones compared as written), same day for dates. */
function keyOf(time: ICAL.Time): string {
  return time.isDate ? time.toString().slice(0, 10) : String(time.toUnixTime());
}

export function hasOccurrence(master: ICAL.Component, zones: Zones): boolean {
  const dtstart = master.getFirstProperty('dtstart');
  if (!dtstart) return true;
  const [start] = timesOf(dtstart, zones);
  if (!start) return true;

  const excluded = new Set<string>();
  const excludedDays = new Set<string>();
  for (const exdate of master.getAllProperties('exdate')) {
    for (const time of timesOf(exdate, zones)) {
      // An all-day EXDATE on a timed series (Evolution writes them) cancels that day's occurrence.
      if (time.isDate && !start.isDate) excludedDays.add(time.toString().slice(0, 10));
      else excluded.add(keyOf(time));
    }
  }
  const alive = (time: ICAL.Time) => {
    if (excluded.has(keyOf(time))) return false;
    if (excludedDays.size === 0) return true;
    // `start` is a date-time here, and timeOf gave it a zone.
    const local = time.convertToZone(start.zone);
    return !excludedDays.has(local.toString().slice(0, 10));
  };

  const rrule = master.getFirstProperty('rrule');
  const recur = rrule?.getFirstValue();
  const rule = recur instanceof ICAL.Recur ? recur : undefined;
  const ruleEndsBeforeStart =
    rule !== undefined &&
    (rule.count === 0 || (rule.until !== null && rule.until.compare(start) < 0));
  if (!ruleEndsBeforeStart && alive(start)) return true;

  for (const rdate of master.getAllProperties('rdate')) {
    if (timesOf(rdate, zones).some(alive)) return true;
  }
  if (!rule || ruleEndsBeforeStart) return false;
  try {
    const iterator = rule.iterator(start);
    for (let step = 0; step < MAX_STEPS; step += 1) {
      const next = iterator.next() as ICAL.Time | null;
      if (!next) return false;
      if (alive(next)) return true;
    }
  } catch {
    // A rule ical.js cannot expand: let the server judge it.
  }
  return true;
}
