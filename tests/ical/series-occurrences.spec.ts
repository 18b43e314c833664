import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { hasOccurrence } from '../../src/ical/series-occurrences.ts';
import { buildVtimezone } from '../../src/ical/timezones/build-vtimezone.ts';

const paris = new ICAL.Timezone({
  component: new ICAL.Component(buildVtimezone('Europe/Paris', 2025)),
  tzid: 'Europe/Paris',
});
const zones = new Map([['Europe/Paris', paris]]);

function master(lines: string[]): ICAL.Component {
  const text = ['BEGIN:VEVENT', 'UID:x', ...lines, 'END:VEVENT', ''].join('\r\n');
  return new ICAL.Component(ICAL.parse(text) as unknown[]);
}

describe('hasOccurrence', () => {
  it.each([
    ['a plain event', ['DTSTART:20250101T100000Z'], true],
    [
      'a plain event whose only date is cancelled',
      ['DTSTART:20250101T100000Z', 'EXDATE:20250101T100000Z'],
      false,
    ],
    [
      'an endless series',
      ['DTSTART:20250101T100000Z', 'RRULE:FREQ=DAILY', 'EXDATE:20250101T100000Z'],
      true,
    ],
    [
      'a series with every date cancelled',
      [
        'DTSTART:20250101T100000Z',
        'RRULE:FREQ=DAILY;COUNT=2',
        'EXDATE:20250101T100000Z,20250102T100000Z',
      ],
      false,
    ],
    [
      'UNTIL before DTSTART',
      ['DTSTART:20250110T100000Z', 'RRULE:FREQ=DAILY;UNTIL=20250101T000000Z'],
      false,
    ],
    ['COUNT=0', ['DTSTART:20250110T100000Z', 'RRULE:FREQ=DAILY;COUNT=0'], false],
    [
      'DTSTART off the rule still counts (sabre reads it so)',
      ['DTSTART:20250101T100000Z', 'RRULE:FREQ=WEEKLY;BYDAY=FR;COUNT=1', 'EXDATE:20250103T100000Z'],
      true,
    ],
    [
      'an RDATE left',
      ['DTSTART:20250101T100000Z', 'RDATE:20250105T100000Z', 'EXDATE:20250101T100000Z'],
      true,
    ],
    [
      'all-day series, all days cancelled',
      [
        'DTSTART;VALUE=DATE:20250101',
        'RRULE:FREQ=DAILY;COUNT=2',
        'EXDATE;VALUE=DATE:20250101,20250102',
      ],
      false,
    ],
    [
      'timed series cancelled by all-day EXDATEs',
      [
        'DTSTART:20250101T100000Z',
        'RRULE:FREQ=DAILY;COUNT=2',
        'EXDATE;VALUE=DATE:20250101,20250102',
      ],
      false,
    ],
  ])('%s', (_, lines, expected) => {
    expect(hasOccurrence(master(lines), zones)).toBe(expected);
  });

  it('compares a zoned DTSTART with a UTC UNTIL as instants, not as wall-clock times', () => {
    // 10:00 in Paris is 09:00 UTC: before an UNTIL of 09:30 UTC, so the series has one date.
    const series = master([
      'DTSTART;TZID=Europe/Paris:20250110T100000',
      'RRULE:FREQ=DAILY;UNTIL=20250110T093000Z',
    ]);
    expect(hasOccurrence(series, zones)).toBe(true);
  });

  it('matches EXDATEs written in another zone by instant', () => {
    const series = master([
      'DTSTART;TZID=Europe/Paris:20250110T100000',
      'RRULE:FREQ=DAILY;COUNT=1',
      'EXDATE:20250110T090000Z',
    ]);
    expect(hasOccurrence(series, zones)).toBe(false);
  });
});
