import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildVtimezone, HORIZON_YEAR } from '../../../src/ical/timezones/build-vtimezone.ts';
import { findTransitions, offsetAt } from '../../../src/ical/timezones/zone-offsets.ts';

const minute = (seconds: number) => Math.round(seconds / 60) * 60;

function timezoneFor(tzid: string, fromYear: number): ICAL.Timezone {
  const component = new ICAL.Component(buildVtimezone(tzid, fromYear));
  return new ICAL.Timezone({ component, tzid });
}

/**
 * The offset a client using our VTIMEZONE gives to the wall-clock time the runtime shows at
 * `at` — how an event `DTSTART;TZID=…:<local time>` is read (ical.js stands in for the client).
 */
function clientOffset(zone: ICAL.Timezone, tzid: string, at: number): number {
  const local = new Date(at + minute(offsetAt(tzid, at)) * 1000);
  const time = new ICAL.Time(
    {
      year: local.getUTCFullYear(),
      month: local.getUTCMonth() + 1,
      day: local.getUTCDate(),
      hour: local.getUTCHours(),
      minute: local.getUTCMinutes(),
      second: local.getUTCSeconds(),
      isDate: false,
    },
    zone,
  );
  return zone.utcOffset(time);
}

/**
 * Instants to compare: every 9 days, and just outside each real change. Wall-clock times inside
 * a change (the skipped hour in spring, the repeated hour in autumn) have no single answer, so
 * instants closer to a change than its size are left out.
 */
function probes(tzid: string, fromYear: number, toYear: number): number[] {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear, 0, 1);
  const changes = findTransitions(tzid, start, end);
  const margin = (change: (typeof changes)[number]) => Math.abs(change.to - change.from) * 1000;
  const instants: number[] = [];
  for (let at = start; at < end; at += 13 * 86_400_000) instants.push(at);
  for (const change of changes) {
    instants.push(change.at - margin(change) - 60_000, change.at + margin(change) + 60_000);
  }
  return instants.filter((at) =>
    changes.every((change) => Math.abs(at - change.at) > margin(change)),
  );
}

function mismatches(tzid: string, fromYear: number, toYear: number): string[] {
  const zone = timezoneFor(tzid, fromYear);
  return probes(tzid, fromYear, toYear)
    .filter((at) => clientOffset(zone, tzid, at) !== minute(offsetAt(tzid, at)))
    .map((at) => `${tzid} ${new Date(at).toISOString()}`);
}

describe('buildVtimezone', () => {
  // Zones chosen for their history: rule changes (Moscow, Caracas), negative or half-hour DST
  // (Dublin, Lord Howe), odd rules (Jerusalem, Tehran, Havana, Santiago), date-line jump (Apia),
  // southern hemisphere (Sydney), quarter-hour offsets (Kathmandu, Chatham). Random zones below.
  const regular: [string, number][] = [
    ['Europe/Paris', 1975],
    ['Europe/Dublin', 1967],
    ['Europe/Moscow', 1985],
    ['America/Chicago', 2000],
    ['America/Caracas', 2000],
    ['America/Santiago', 2005],
    ['America/Havana', 2005],
    ['Asia/Jerusalem', 2005],
    ['Asia/Tehran', 2015],
    ['Asia/Kathmandu', 1984],
    ['Australia/Sydney', 1990],
    ['Australia/Lord_Howe', 1990],
    ['Pacific/Apia', 2005],
    ['Pacific/Chatham', 2000],
  ];

  it.each(regular)('%s from %i agrees with the runtime, past the horizon', (tzid, fromYear) => {
    // Five years past the horizon: beyond it only the yearly RRULEs speak.
    expect(mismatches(tzid, fromYear, HORIZON_YEAR + 5)).toEqual([]);
  });

  // Changes no yearly RRULE can express (Ramadan in Casablanca; Cairo's "Thursday 24:00", which
  // falls in November some years) are written one by one up to the horizon year.
  it.each([
    ['Africa/Casablanca', 2015],
    ['Africa/Cairo', 2010],
  ])('follows irregular %s from %i up to the horizon year', (tzid, fromYear) => {
    expect(mismatches(tzid, fromYear, HORIZON_YEAR)).toEqual([]);
  });

  it('writes the current rule as yearly RRULEs, not one date per year', () => {
    const text = new ICAL.Component(buildVtimezone('Europe/Paris', 2019)).toString();
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(text).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    expect(text).not.toContain('RDATE');
  });

  it('keeps the pre-2014 Moscow summer time that a 1970-rule VTIMEZONE loses', () => {
    const zone = timezoneFor('Europe/Moscow', 2012);
    expect(clientOffset(zone, 'Europe/Moscow', Date.UTC(2012, 0, 15))).toBe(4 * 3600);
    expect(clientOffset(zone, 'Europe/Moscow', Date.UTC(2015, 0, 15))).toBe(3 * 3600);
  });

  it('agrees with the runtime for any zone and start year (property)', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 1970, max: 2035 }),
        (tzid, fromYear) => {
          expect(mismatches(tzid, fromYear, HORIZON_YEAR)).toEqual([]);
        },
      ),
      { numRuns: 6, seed: 20_251_126 },
    );
  });
});
