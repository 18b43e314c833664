// Does a series happen at all? A master whose every occurrence is cancelled (all EXDATE'd), or
// whose UNTIL is before its DTSTART, generates nothing: Google shows nothing for it, and
// sabre/dav (Nextcloud) refuses it ("This recurrence rule does not generate any valid
// instances"). The check follows sabre's reading of RFC 5545 §3.8.5: DTSTART is the first
// occurrence unless the rule ends before it; then RDATEs and RRULE occurrences; minus EXDATEs.
// The search is bounded: a series still looking empty after MAX_OCCURRENCES occurrences is taken
// to happen (sending too much is better than dropping what the family may see). A rule whose
// BY* parts no date satisfies (30 February) is found before expanding (impossible-rule.ts); any
// other rule is expanded under a step budget (bounded-recurrence.ts), because ical.js can spin
// inside one next() call. A rule that yields no date within the budget is one the family never
// saw either (DAILY steps alone cover centuries), so it is reported as never happening.
import ICAL from 'ical.js';
import { boundedIterator, RecurrenceBudgetSpent, StepMeter } from './bounded-recurrence.ts';
import { parameterOf } from './ical-values.ts';
import { ruleNeverMatches } from './impossible-rule.ts';

const MAX_OCCURRENCES = 10_000;
/** Iterator steps for one series: ~0.3 s at worst; a daily rule's 29 Feb on a Monday takes 93k. */
export const MAX_EXPANSION_STEPS = 250_000;

/**
 * `all-cancelled`: every date the series has is cancelled (EXDATE, or UNTIL/COUNT end it first).
 * `rule-never-happens`: its first date is cancelled and its rule gives no other (none exists,
 * or none was found within the step budget).
 */
export type SeriesFate = 'happens' | 'all-cancelled' | 'rule-never-happens';

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
  return seriesFate(master, zones) === 'happens';
}

export function seriesFate(
  master: ICAL.Component,
  zones: Zones,
  budget = MAX_EXPANSION_STEPS,
): SeriesFate {
  const dtstart = master.getFirstProperty('dtstart');
  if (!dtstart) return 'happens';
  const [start] = timesOf(dtstart, zones);
  if (!start) return 'happens';

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
  if (!ruleEndsBeforeStart && alive(start)) return 'happens';

  for (const rdate of master.getAllProperties('rdate')) {
    if (timesOf(rdate, zones).some(alive)) return 'happens';
  }
  if (!rule || ruleEndsBeforeStart) return 'all-cancelled';
  if (ruleNeverMatches(rule)) return 'rule-never-happens';
  const meter = new StepMeter(budget);
  // Dates the rule gave besides DTSTART (all cancelled so far).
  let found = 0;
  try {
    const iterator = boundedIterator(rule, start, meter);
    for (let count = 0; count < MAX_OCCURRENCES; count += 1) {
      const next = iterator.next() as ICAL.Time | null;
      if (!next) {
        // ical.js gave up looking (its own limits) before finding any date of the rule, and no
        // COUNT or UNTIL ended it: the rule is what never happens, not a cancelled series.
        const endless = rule.count === null && rule.until === null;
        return found === 0 && endless ? 'rule-never-happens' : 'all-cancelled';
      }
      if (alive(next)) return 'happens';
      if (next.compare(start) !== 0) found += 1;
    }
  } catch (error) {
    // The rule gave no date of its own within the budget. One that gave cancelled dates, then
    // ran out, may have more further on: taken to happen, like a long run of cancelled dates.
    if (error instanceof RecurrenceBudgetSpent && found === 0) return 'rule-never-happens';
    // Otherwise a rule ical.js cannot expand: let the server judge it.
  }
  return 'happens';
}
